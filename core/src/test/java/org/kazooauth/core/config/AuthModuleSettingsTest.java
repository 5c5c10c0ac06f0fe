package org.kazooauth.core.config;

import org.junit.jupiter.api.Test;
import org.kazooauth.core.account.Account;
import org.kazooauth.core.account.TreeFixture;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthModuleSettingsTest {

    private static final Account USERS_ACCOUNT = new Account("east", "Acme East", "acme", false);

    private static MultiFactorSettings multiFactor(String json) {
        return AuthModuleSettings.of(TreeFixture.parse("{\"auth_modules\":{\"cb_user_auth\":{\"multi_factor\":"
                + json + "}}}"), "cb_user_auth").multiFactor();
    }

    @Test
    void typedFromTheMergedConfigWithTheCodeDefaultsBelow() {
        AuthModuleSettings api = AuthModuleSettings.of(TreeFixture.parse(
                "{\"auth_modules\":{\"cb_api_auth\":{\"enabled\":false,\"token_auth_expiry_s\":60}}}"), "cb_api_auth");
        assertFalse(api.enabled());
        assertEquals(60, api.tokenAuthExpirySeconds());
        assertTrue(api.logFailedAttempts());
        assertFalse(api.logSuccessfulAttempts());
        assertFalse(api.multiFactor().enabled());

        AuthModuleSettings user = AuthModuleSettings.of(AuthConfigSchema.defaults(), "cb_user_auth");
        assertTrue(user.enabled());
        assertTrue(user.logSuccessfulAttempts());
        assertEquals(3600, user.tokenAuthExpirySeconds());
    }

    @Test
    void anUnknownModuleIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> AuthModuleSettings.of(AuthConfigSchema.defaults(), "cb_x"));
    }

    @Test
    void multiFactorFollowsKazoosRuleOfWhoseUsersItTargets() {
        Optional<Account> user = Optional.of(USERS_ACCOUNT);
        assertFalse(multiFactor("{\"enabled\":false}").requiredFor(user), "disabled");
        assertTrue(multiFactor("{\"enabled\":true}").requiredFor(user), "no account_id narrows it");
        assertTrue(multiFactor("{\"enabled\":true,\"account_id\":\"east\"}").requiredFor(user), "the user's account");
        assertFalse(multiFactor("{\"enabled\":true,\"account_id\":\"acme\"}").requiredFor(user),
                "set on the parent for the parent's users only");
        assertTrue(multiFactor("{\"enabled\":true,\"account_id\":\"acme\",\"include_subaccounts\":true}")
                .requiredFor(user), "extended to sub-accounts");
        assertTrue(multiFactor("{\"enabled\":true,\"account_id\":\"acme\"}").requiredFor(Optional.empty()),
                "system users (Kazoo's master account) always");
        assertEquals(Optional.of("c1"), multiFactor("{\"configuration_id\":\"c1\"}").configurationId());
        assertEquals(Optional.empty(), multiFactor("{\"configuration_id\":\"\"}").configurationId());
    }
}
