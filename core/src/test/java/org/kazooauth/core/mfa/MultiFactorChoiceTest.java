package org.kazooauth.core.mfa;

import org.junit.jupiter.api.Test;
import org.kazooauth.core.account.TreeFixture;
import org.kazooauth.core.config.MultiFactorSettings;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultiFactorChoiceTest {

    private static final ProviderConfig ACME_DUO = new ProviderConfig("c1", Optional.of("acme"), "Acme Duo", "duo",
            true, TreeFixture.parse("{\"integration_key\":\"DI1\",\"secret_key\":\"s\",\"api_hostname\":\"h\"}"));

    private static MultiFactorSettings settings(String accountId, String configurationId) {
        return new MultiFactorSettings(true, false, Optional.ofNullable(accountId), Optional.ofNullable(configurationId));
    }

    private static MultiFactorChoice choose(MultiFactorSettings settings, List<ProviderConfig> configs, String byDefault) {
        return MultiFactorChoice.choose(settings, (owner, id) -> configs.stream()
                .filter(c -> c.ownerAccount().equals(owner) && c.id().equals(id)).findFirst(), byDefault);
    }

    @Test
    void theAccountsNamedConfigIsUsed() {
        MultiFactorChoice choice = choose(settings("acme", "c1"), List.of(ACME_DUO), "duo");
        assertEquals(new MultiFactorChoice.Ready(ACME_DUO), choice);
    }

    @Test
    void otherwiseTheSystemDefaultWhichShipsDisabled() {
        assertInstanceOf(MultiFactorChoice.Disabled.class,
                choose(settings(null, null), List.of(ProviderConfig.shippedSystemDefault()), "duo"));
        assertInstanceOf(MultiFactorChoice.Disabled.class,
                choose(settings("acme", null), List.of(ProviderConfig.shippedSystemDefault()), "duo"),
                "an account_id alone does not select a config");
    }

    @Test
    void noConfigAtAllLetsTheLoginGoOn() {
        assertEquals(new MultiFactorChoice.NoProvider("hmac_totp"), choose(settings(null, null), List.of(), "hmac_totp"));
    }

    @Test
    void aNamedButMissingOrUnusableConfigFailsClosed() {
        MultiFactorChoice missing = choose(settings("acme", "gone"), List.of(ACME_DUO), "duo");
        assertTrue(((MultiFactorChoice.Broken) missing).reason().contains("gone"));

        ProviderConfig incomplete = new ProviderConfig("c2", Optional.of("acme"), "half", "duo", true,
                TreeFixture.parse("{\"integration_key\":\"DI1\"}"));
        MultiFactorChoice broken = choose(settings("acme", "c2"), List.of(incomplete), "duo");
        assertEquals("multi-factor configuration c2 lacks settings [api_hostname, secret_key]",
                ((MultiFactorChoice.Broken) broken).reason());

        ProviderConfig unknown = new ProviderConfig("c3", Optional.of("acme"), "?", "sms", true, TreeFixture.parse("{}"));
        assertInstanceOf(MultiFactorChoice.Broken.class, choose(settings("acme", "c3"), List.of(unknown), "duo"));
    }

    @Test
    void aDisabledConfigIsDisabledBeforeItIsJudgedComplete() {
        ProviderConfig disabledAndEmpty = new ProviderConfig("c4", Optional.of("acme"), "off", "duo", false,
                TreeFixture.parse("{}"));
        assertInstanceOf(MultiFactorChoice.Disabled.class, choose(settings("acme", "c4"), List.of(disabledAndEmpty), "duo"));
    }
}
