package org.kazooauth.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.kazooauth.core.account.Account;
import org.kazooauth.core.account.TreeFixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthConfigHierarchyTest {

    private final TreeFixture fixture = new TreeFixture();

    private AuthConfigHierarchy hierarchy() {
        return new AuthConfigHierarchy(fixture.tree(), fixture);
    }

    private static JsonNode module(ObjectNode config, String module) {
        return config.path("auth_modules").path(module);
    }

    private static String modules(String json) {
        return "{\"auth_modules\":" + json + "}";
    }

    @Test
    void noConfigAnywhereGivesTheCodeDefaults() {
        Account lonely = fixture.add("lonely", null, false);
        ObjectNode effective = hierarchy().effective(lonely);
        assertEquals(AuthConfigSchema.defaults(), effective);
        JsonNode user = module(effective, "cb_user_auth");
        assertTrue(user.path("enabled").booleanValue());
        assertEquals(3600, user.path("token_auth_expiry_s").asInt());
        assertTrue(user.path("log_successful_attempts").booleanValue());
        assertFalse(module(effective, "cb_api_auth").path("log_successful_attempts").booleanValue());
        assertTrue(module(effective, "cb_ip_auth").path("log_failed_attempts").booleanValue());
    }

    @Test
    void aResellerInTheMiddleOfTheChainHidesEverythingAboveIt() {
        fixture.add("top", null, false);
        fixture.add("reseller", "top", true);
        fixture.add("parent", "reseller", false);
        Account account = fixture.add("account", "parent", false);
        fixture.config("top", modules("{\"cb_user_auth\":{\"token_auth_expiry_s\":11,\"enabled\":false}}"))
                .config("reseller", modules("{\"cb_user_auth\":{\"token_auth_expiry_s\":22}}"))
                .config("parent", modules("{\"cb_api_auth\":{\"enabled\":false}}"))
                .system(modules("{\"cb_auth\":{\"token_auth_expiry_s\":44}}"));

        ObjectNode effective = hierarchy().effective(account);
        assertEquals(22, module(effective, "cb_user_auth").path("token_auth_expiry_s").asInt());
        assertTrue(module(effective, "cb_user_auth").path("enabled").booleanValue(), "above the reseller is ignored");
        assertFalse(module(effective, "cb_api_auth").path("enabled").booleanValue(), "the parent counts");
        assertEquals(44, module(effective, "cb_auth").path("token_auth_expiry_s").asInt(), "the system counts");
    }

    @Test
    void anAccountThatIsAResellerSkipsItsAncestors() {
        fixture.add("master", null, true);
        Account reseller = fixture.add("sub-reseller", "master", true);
        fixture.config("master", modules("{\"cb_user_auth\":{\"token_auth_expiry_s\":11}}"))
                .config("sub-reseller", modules("{\"cb_api_auth\":{\"token_auth_expiry_s\":22}}"))
                .system(modules("{\"cb_user_auth\":{\"log_failed_attempts\":false}}"));

        ObjectNode effective = hierarchy().effective(reseller);
        assertEquals(3600, module(effective, "cb_user_auth").path("token_auth_expiry_s").asInt());
        assertEquals(22, module(effective, "cb_api_auth").path("token_auth_expiry_s").asInt());
        assertFalse(module(effective, "cb_user_auth").path("log_failed_attempts").booleanValue());

        ObjectNode inherited = hierarchy().inherited(reseller);
        assertEquals(hierarchy().system(), inherited, "a reseller inherits the system config only");
    }

    @Test
    void twoResellersInTheChainOnlyTheNearestCounts() {
        fixture.add("far", null, true);
        fixture.add("near", "far", true);
        Account account = fixture.add("account", "near", false);
        fixture.config("far", modules("{\"cb_user_auth\":{\"token_auth_expiry_s\":11,\"log_failed_attempts\":false}}"))
                .config("near", modules("{\"cb_user_auth\":{\"token_auth_expiry_s\":22}}"));

        JsonNode user = module(hierarchy().effective(account), "cb_user_auth");
        assertEquals(22, user.path("token_auth_expiry_s").asInt());
        assertTrue(user.path("log_failed_attempts").booleanValue(), "the far reseller is beyond the first one");
    }

    @Test
    void nestedMultiFactorIsMergedKeyByKeyNearerWins() {
        fixture.add("reseller", null, true);
        fixture.add("parent", "reseller", false);
        Account account = fixture.add("account", "parent", false);
        fixture.system(modules("{\"cb_user_auth\":{\"multi_factor\":{\"include_subaccounts\":false}}}"))
                .config("reseller", modules("{\"cb_user_auth\":{\"multi_factor\":{\"enabled\":true,"
                        + "\"account_id\":\"reseller\",\"configuration_id\":\"cfg\"}}}"))
                .config("parent", modules("{\"cb_user_auth\":{\"multi_factor\":{\"include_subaccounts\":true}}}"))
                .config("account", modules("{\"cb_user_auth\":{\"multi_factor\":{\"configuration_id\":\"own\"}}}"));

        JsonNode mfa = module(hierarchy().effective(account), "cb_user_auth").path("multi_factor");
        assertTrue(mfa.path("enabled").booleanValue());
        assertTrue(mfa.path("include_subaccounts").booleanValue());
        assertEquals("reseller", mfa.path("account_id").asText());
        assertEquals("own", mfa.path("configuration_id").asText());
        assertEquals(4, mfa.size(), mfa.toString());

        JsonNode inheritedMfa = module(hierarchy().inherited(account), "cb_user_auth").path("multi_factor");
        assertEquals("cfg", inheritedMfa.path("configuration_id").asText(), "inherited leaves the account's own out");
    }

    @Test
    void inheritedIsTheEffectiveConfigOfTheParent() {
        fixture.add("reseller", null, true);
        fixture.add("parent", "reseller", false);
        Account account = fixture.add("account", "parent", false);
        fixture.config("parent", modules("{\"cb_auth\":{\"enabled\":false}}"))
                .config("account", modules("{\"cb_auth\":{\"enabled\":true}}"));

        assertFalse(module(hierarchy().inherited(account), "cb_auth").path("enabled").booleanValue());
        assertTrue(module(hierarchy().effective(account), "cb_auth").path("enabled").booleanValue());
        assertEquals(hierarchy().effective(fixture.find("parent").orElseThrow()), hierarchy().inherited(account));
    }

    @Test
    void aUserInTwoAccountGroupsGetsTheDeepestAccountsConfig() {
        fixture.add("reseller", null, true);
        Account acme = fixture.add("acme", "reseller", false);
        Account east = fixture.add("east", "acme", false);
        fixture.config("acme", modules("{\"cb_user_auth\":{\"token_auth_expiry_s\":100}}"))
                .config("east", modules("{\"cb_user_auth\":{\"enabled\":false}}"));

        Account chosen = fixture.tree().accountOfMember(java.util.List.of(acme, east)).orElseThrow();
        JsonNode user = module(hierarchy().effective(chosen), "cb_user_auth");
        assertEquals("east", chosen.id());
        assertFalse(user.path("enabled").booleanValue());
        assertEquals(100, user.path("token_auth_expiry_s").asInt(), "east still inherits from acme");
    }
}
