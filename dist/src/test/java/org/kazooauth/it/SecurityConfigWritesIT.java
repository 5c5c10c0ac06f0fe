package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.KazooHttp.Reply;
import org.kazooauth.testing.RunningKeycloak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kazooauth.testing.KazooAssertions.assertError;
import static org.kazooauth.testing.KazooAssertions.assertSuccess;

/**
 * {@code POST|PATCH|DELETE /v2/accounts/{A}/security} (seed 002) on the real server: the seed's examples replayed,
 * Kazoo's validation and MFA ownership rule, nothing written on bad input, and who may write.
 * Every test leaves the accounts' config as the demo realm has it.
 */
class SecurityConfigWritesIT extends DemoRealmIntegration {

    private static final String ACME = DEMO.accountId("Acme");
    private static final String EAST = DEMO.accountId("Acme East");
    private static final String GLOBEX = DEMO.accountId("Globex");
    private static final String EAST_SECURITY = "/realms/demo/kazoo/v2/accounts/" + EAST + "/security";

    private static final String SEED_POST = "{\"data\":{\"auth_modules\":{\"cb_user_auth\":{\"token_auth_expiry_s\":604800},"
            + "\"cb_api_auth\":{\"enabled\":false}}}}";
    private static final String SEED_PATCH = "{\"data\":{\"auth_modules\":{\"cb_api_auth\":{\"enabled\":true}}}}";

    @AfterEach
    void restoreAcmeEast() {
        users.send("superadmin", "DELETE", EAST_SECURITY, null);
        assertEquals(0, ownConfig(EAST).size(), "Acme East has no config of its own again");
    }

    private JsonNode ownConfig(String accountId) {
        return users.get("superadmin", "/realms/demo/kazoo/v2/accounts/" + accountId + "/security").at("/data/account");
    }

    private static JsonNode json(String text) {
        try {
            return KazooHttp.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Test
    void theSeedsChangePatchAndRemoveReplayInOrder() {
        Reply posted = users.send("acme-admin", "POST", EAST_SECURITY, SEED_POST);
        assertSuccess(posted, users.token("acme-admin"));
        assertEquals(json("{\"auth_modules\":{\"cb_user_auth\":{\"token_auth_expiry_s\":604800},"
                + "\"cb_api_auth\":{\"enabled\":false}},\"id\":\"configs_crossbar.auth\"}"), posted.at("/data"));
        assertEquals(json("{\"auth_modules\":{\"cb_user_auth\":{\"token_auth_expiry_s\":604800},"
                + "\"cb_api_auth\":{\"enabled\":false}}}"), ownConfig(EAST), "GET shows what POST stored");

        Reply patched = users.send("acme-admin", "PATCH", EAST_SECURITY, SEED_PATCH);
        assertSuccess(patched, users.token("acme-admin"));
        assertEquals(json("{\"auth_modules\":{\"cb_user_auth\":{\"token_auth_expiry_s\":604800},"
                + "\"cb_api_auth\":{\"enabled\":true}},\"id\":\"configs_crossbar.auth\"}"), patched.at("/data"),
                "PATCH merges and answers with the saved document (Kazoo answered with the old one)");

        Reply removed = users.send("acme-admin", "DELETE", EAST_SECURITY, null);
        assertSuccess(removed, users.token("acme-admin"));
        assertEquals(patched.at("/data"), removed.at("/data"), "DELETE answers with the removed document");
        assertEquals(0, ownConfig(EAST).size());

        Reply again = users.send("acme-admin", "DELETE", EAST_SECURITY, null);
        assertError(again, 404, "bad identifier");
        assertEquals("account does not have customize auth configuration", again.at("/data/cause").asText());
    }

    @Test
    void aStoredChangeIsWhatTheSubAccountsInheritAtOnce() {
        String acmeSecurity = "/realms/demo/kazoo/v2/accounts/" + ACME + "/security";
        JsonNode original = ownConfig(ACME);
        try {
            assertSuccess(users.send("acme-admin", "PATCH", acmeSecurity,
                    "{\"data\":{\"auth_modules\":{\"cb_auth\":{\"token_auth_expiry_s\":120}}}}"), users.token("acme-admin"));
            JsonNode inherited = users.get("east-user", EAST_SECURITY).at("/data/inherited_config/auth_modules");
            assertEquals(120, inherited.at("/cb_auth/token_auth_expiry_s").asInt());
            assertTrue(inherited.at("/cb_api_auth/log_successful_attempts").asBoolean(), "Acme's other setting stays");
        } finally {
            assertSuccess(users.send("superadmin", "POST", acmeSecurity, "{\"data\":" + original + "}"),
                    users.token("superadmin"));
        }
        assertEquals(original, ownConfig(ACME));
    }

    @Test
    void theSeedsMultiFactorExampleWithAConfigOfTheCallersTree() {
        String providers = "/realms/demo/kazoo/v2/accounts/" + ACME + "/multi_factor";
        String configId = users.send("acme-admin", "PUT", providers, "{\"data\":{\"name\":\"a nice day\","
                + "\"provider_name\":\"duo\",\"settings\":{\"integration_key\":\"DIXXXXXXXXXXXXXXXXXX\","
                + "\"secret_key\":\"s3cret\",\"api_hostname\":\"api-x.duosecurity.com\"}}}").at("/data/id").asText();
        try {
            String mfa = "{\"data\":{\"auth_modules\":{\"cb_user_auth\":{\"multi_factor\":{\"enabled\":true,"
                    + "\"configuration_id\":\"%s\",\"account_id\":\"" + ACME + "\"}}}}}";
            Reply reply = users.send("acme-admin", "POST", EAST_SECURITY, mfa.formatted(configId));
            assertSuccess(reply, users.token("acme-admin"));
            JsonNode multiFactor = reply.at("/data/auth_modules/cb_user_auth/multi_factor");
            assertEquals(ACME, multiFactor.path("account_id").asText());
            assertEquals("a nice day", multiFactor.at("/_read_only/name").asText(), "the named config's name");
            assertEquals("duo", multiFactor.at("/_read_only/provider_name").asText());

            Reply missing = users.send("acme-admin", "POST", EAST_SECURITY, mfa.formatted("c757665dca55edba2395df3ca6423f4f"));
            assertError(missing, 400, "validation failed");
            assertTrue(missing.at("/data/auth_modules.cb_user_auth.configuration_id/not_found").isObject(),
                    "a configuration that does not exist is refused: " + missing);
        } finally {
            users.send("superadmin", "DELETE", EAST_SECURITY, null);
            users.send("superadmin", "DELETE", providers + "/" + configId, null);
        }
    }

    @Test
    void multiFactorConfigsOfAnotherTreeOrWithoutTheirAccountAreRefused() {
        Reply foreign = users.send("acme-admin", "POST", EAST_SECURITY, "{\"data\":{\"auth_modules\":{\"cb_user_auth\":"
                + "{\"multi_factor\":{\"enabled\":true,\"configuration_id\":\"c1\",\"account_id\":\"" + GLOBEX
                + "\",\"include_subaccounts\":false}}}}}");
        assertError(foreign, 400, "validation failed");
        assertEquals("multi-factor account_id " + GLOBEX + " is not in your account tree",
                foreign.at("/data/auth_modules.cb_user_auth.account_id/required/message").asText());

        Reply orphan = users.send("acme-admin", "PATCH", EAST_SECURITY, "{\"data\":{\"auth_modules\":{\"cb_user_auth\":"
                + "{\"multi_factor\":{\"configuration_id\":\"c1\"}}}}}");
        assertError(orphan, 400, "validation failed");
        assertEquals("setting multi-factor configuration_id needs setting account_id",
                orphan.at("/data/auth_modules.cb_user_auth.account_id/required/message").asText());
        assertEquals(0, ownConfig(EAST).size(), "nothing was written");
    }

    @Test
    void badInputGetsAClear400AndChangesNothing() {
        assertSuccess(users.send("acme-admin", "POST", EAST_SECURITY, SEED_POST), users.token("acme-admin"));
        JsonNode stored = ownConfig(EAST);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("{\"data\":{}}", "validation failed");
        expected.put("{\"data\":{\"auth_modules\":{\"cb_made_up\":{}}}}", "validation failed");
        expected.put("{\"data\":{\"auth_modules\":{\"cb_user_auth\":{\"enabled\":\"yes\"}}}}", "validation failed");
        expected.put("{\"data\":{\"auth_modules\":{\"cb_user_auth\":{\"token_auth_expiry_s\":-5}}}}", "validation failed");
        expected.put("{\"data\":{\"auth_modules\":{\"cb_user_auth\":{\"enabled\":false}},\"pvt_type\":\"x\"}}",
                "validation failed");
        expected.put("{\"auth_modules\":{}}", "invalid data");
        expected.put("{\"data\":[]}", "invalid data");
        expected.put("[1,2]", "invalid data");
        expected.put("{\"data\":{\"auth_modules\":", "invalid data");
        expected.put("", "invalid data");
        for (Map.Entry<String, String> bad : expected.entrySet()) {
            for (String method : List.of("POST", "PATCH")) {
                if (method.equals("PATCH") && bad.getKey().equals("{\"data\":{}}")) {
                    continue; // an empty patch is a valid no-op
                }
                Reply reply = users.send("acme-admin", method, EAST_SECURITY, bad.getKey());
                assertError(reply, 400, bad.getValue());
                assertEquals(stored, ownConfig(EAST), method + " " + bad.getKey() + " changed nothing");
            }
        }
        assertEquals("Field is required but missing", users.send("acme-admin", "POST", EAST_SECURITY,
                "{\"data\":{}}").at("/data/auth_modules/required/message").asText(),
                "{} is refused instead of storing every default (Kazoo's bug)");
    }

    /** Who may read and change {@code /accounts/{A}/security}, A = Acme, for every verb (DESIGN §4). */
    @Test
    void authorizationMatrix() {
        String acme = "/realms/demo/kazoo/v2/accounts/" + ACME + "/security";
        JsonNode original = ownConfig(ACME);
        String sameConfig = "{\"data\":" + original + "}";
        // caller -> {GET, POST, PATCH, DELETE+restore}
        Map<String, int[]> matrix = new LinkedHashMap<>();
        matrix.put(null, new int[]{401, 401, 401, 401});                          // anonymous
        matrix.put("acme-user", new int[]{200, 403, 403, 403});                   // plain user of A
        matrix.put("acme-admin", new int[]{200, 200, 200, 200});                  // admin of A
        matrix.put("reseller-admin", new int[]{200, 200, 200, 200});              // admin of A's parent
        matrix.put("east-user", new int[]{403, 403, 403, 403});                   // plain user of a sub-account
        matrix.put("globex-admin", new int[]{403, 403, 403, 403});                // admin of an unrelated account
        matrix.put("other-reseller-admin", new int[]{403, 403, 403, 403});        // reseller admin of another tree
        matrix.put("superadmin", new int[]{200, 200, 200, 200});                  // super admin
        List<String> wrong = new ArrayList<>();
        try {
            for (Map.Entry<String, int[]> row : matrix.entrySet()) {
                String caller = row.getKey();
                int[] outcome = {
                        users.send(caller, "GET", acme, null).status(),
                        users.send(caller, "POST", acme, sameConfig).status(),
                        users.send(caller, "PATCH", acme, "{\"data\":{}}").status(),
                        users.send(caller, "DELETE", acme, null).status()};
                if (outcome[3] == 200) {
                    users.send("superadmin", "POST", acme, sameConfig);
                }
                if (!java.util.Arrays.equals(row.getValue(), outcome)) {
                    wrong.add(caller + ": expected " + java.util.Arrays.toString(row.getValue()) + " got "
                            + java.util.Arrays.toString(outcome));
                }
            }
        } finally {
            users.send("superadmin", "POST", acme, sameConfig);
        }
        assertEquals(List.of(), wrong);
        assertEquals(original, ownConfig(ACME));
    }

    @Test
    void keycloakAdministratorsWriteThroughTheAdminMount(RunningKeycloak keycloak) {
        String admin = http.adminToken(keycloak);
        Reply posted = http.request("POST", "/admin/realms/demo/kazoo/v2/accounts/" + EAST + "/security", SEED_POST,
                KazooHttp.bearer(admin));
        assertSuccess(posted, admin);
        assertEquals(604800, ownConfig(EAST).at("/auth_modules/cb_user_auth/token_auth_expiry_s").asInt());
        assertError(http.request("POST", "/admin/realms/demo/kazoo/v2/accounts/" + EAST + "/security", SEED_POST,
                KazooHttp.bearer(users.token("acme-admin"))), 403, "forbidden");
    }
}
