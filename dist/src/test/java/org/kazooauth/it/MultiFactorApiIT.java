package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.KazooHttp.Reply;
import org.kazooauth.testing.KeycloakAdmin;
import org.kazooauth.testing.Storm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kazooauth.testing.KazooAssertions.assertError;
import static org.kazooauth.testing.KazooAssertions.assertSuccess;

/**
 * The /multi_factor API of seed 001 on the real server: the examples replayed (secrets masked), Kazoo's shipped
 * system default, who may do what (DESIGN §4), bad input, and the configs kept as Keycloak components that realm
 * export carries, their secrets hidden by Keycloak's own API too.
 */
class MultiFactorApiIT extends DemoRealmIntegration {

    private static final String MULTI_FACTOR_TYPE = "org.kazooauth.core.keycloak.mfa.MultiFactorProvider";

    private static final String ACME = DEMO.accountId("Acme");
    private static final String ACCOUNT = "/realms/demo/kazoo/v2/accounts/" + ACME + "/multi_factor";
    private static final String SYSTEM = "/realms/demo/kazoo/v2/multi_factor";
    private static final String MASK = "**********";

    static final String SEED_DUO = "{\"data\":{\"name\":\"another nice day\",\"enabled\":true,\"provider_name\":\"duo\","
            + "\"settings\":{\"integration_key\":\"DIXXXXXXXXXXXXXXXXXX\",\"secret_key\":\"skey-very-secret\","
            + "\"application_secret_key\":\"akey-very-secret\",\"api_hostname\":\"api-xxxx.duosecurity.com\","
            + "\"duo_expire\":300,\"app_expire\":3600}}}";

    private static void assertMaskedSeedDocument(JsonNode data, String name, boolean enabled) {
        assertEquals(MASK, data.at("/settings/secret_key").asText());
        assertEquals(MASK, data.at("/settings/application_secret_key").asText());
        assertEquals("DIXXXXXXXXXXXXXXXXXX", data.at("/settings/integration_key").asText());
        assertEquals("api-xxxx.duosecurity.com", data.at("/settings/api_hostname").asText());
        assertEquals(300, data.at("/settings/duo_expire").asInt());
        assertEquals(3600, data.at("/settings/app_expire").asInt());
        assertEquals("duo", data.path("provider_name").asText());
        assertEquals(name, data.path("name").asText());
        assertEquals(enabled, data.path("enabled").asBoolean());
        assertFalse(data.toString().contains("very-secret"), "no secret in " + data);
    }

    @Test
    void theSeedsAccountExamplesReplayWithSecretsMasked() {
        Reply listed = users.get("acme-admin", ACCOUNT);
        assertSuccess(listed, users.token("acme-admin"));
        assertEquals(0, listed.at("/data/configured").size());
        assertEquals("{\"id\":\"duo\",\"enabled\":false,\"name\":\"System Default Provider\",\"provider_name\":\"duo\","
                + "\"provider_type\":\"multi_factor\"}", listed.at("/data/multi_factor_providers/0").toString());

        Reply created = users.send("acme-admin", "PUT", ACCOUNT, SEED_DUO);
        assertSuccess(created, users.token("acme-admin"));
        String id = created.at("/data/id").asText();
        assertTrue(id.matches("[0-9a-f]{32}"), id);
        assertMaskedSeedDocument(created.at("/data"), "another nice day", true);
        try {
            assertEquals(id, users.get("acme-user", ACCOUNT).at("/data/configured/0/id").asText());
            assertMaskedSeedDocument(users.get("acme-user", ACCOUNT + "/" + id).at("/data"), "another nice day", true);

            Reply changed = users.send("acme-admin", "POST", ACCOUNT + "/" + id, SEED_DUO
                    .replace("another nice day", "another nice day with a change")
                    .replace("skey-very-secret", MASK).replace("akey-very-secret", MASK));
            assertSuccess(changed, users.token("acme-admin"));
            assertMaskedSeedDocument(changed.at("/data"), "another nice day with a change", true);

            Reply patched = users.send("acme-admin", "PATCH", ACCOUNT + "/" + id, "{\"data\":{\"enabled\":false}}");
            assertMaskedSeedDocument(patched.at("/data"), "another nice day with a change", false);

            Reply removed = users.send("acme-admin", "DELETE", ACCOUNT + "/" + id, null);
            assertSuccess(removed, users.token("acme-admin"));
            assertEquals(id, removed.at("/data/id").asText());
            assertError(users.get("acme-admin", ACCOUNT + "/" + id), 404, "bad identifier");
        } finally {
            users.send("superadmin", "DELETE", ACCOUNT + "/" + id, null);
        }
    }

    @Test
    void theSystemDefaultShipsDisabledAndOnlySuperAdminsChangeSystemProviders() {
        Reply listed = users.get("acme-user", SYSTEM);
        assertSuccess(listed, users.token("acme-user"));
        assertEquals(listed.at("/data").size(), listed.at("/page_size").asInt());
        assertEquals("duo", listed.at("/data/0/id").asText());

        assertError(users.get("acme-admin", SYSTEM + "/duo"), 403, "forbidden");
        Reply shipped = users.get("superadmin", SYSTEM + "/duo");
        assertEquals("{\"settings\":{},\"provider_name\":\"duo\",\"name\":\"System Default Provider\","
                + "\"enabled\":false,\"id\":\"duo\"}", shipped.at("/data").toString(), "the seed's fetch");

        assertError(users.send("reseller-admin", "PUT", SYSTEM, SEED_DUO), 403, "forbidden");
        assertError(users.send("acme-admin", "POST", SYSTEM + "/duo", SEED_DUO), 403, "forbidden");
        try {
            Reply changed = users.send("superadmin", "POST", SYSTEM + "/duo",
                    SEED_DUO.replace("another nice day", "System Default Provider"));
            assertSuccess(changed, users.token("superadmin"));
            assertMaskedSeedDocument(changed.at("/data"), "System Default Provider", true);
            assertEquals("duo", changed.at("/data/id").asText());
            assertMaskedSeedDocument(users.send("superadmin", "PATCH", SYSTEM + "/duo", "{\"data\":{\"enabled\":false}}")
                    .at("/data"), "System Default Provider", false);

            Reply created = users.send("superadmin", "PUT", SYSTEM, SEED_DUO.replace("another nice day", "have a nice day"));
            assertMaskedSeedDocument(created.at("/data"), "have a nice day", true);
            assertSuccess(users.send("superadmin", "DELETE", SYSTEM + "/" + created.at("/data/id").asText(), null),
                    users.token("superadmin"));
        } finally {
            users.send("superadmin", "DELETE", SYSTEM + "/duo", null);
        }
        assertEquals(shipped.at("/data"), users.get("superadmin", SYSTEM + "/duo").at("/data"),
                "removing the stored default brings back the shipped one");
        assertError(users.send("superadmin", "DELETE", SYSTEM + "/duo", null), 403, "forbidden");
    }

    @Test
    void whoMayUseAnAccountsProviderConfigs() {
        assertError(http.get(ACCOUNT), 401, "invalid credentials");
        assertSuccess(users.get("acme-user", ACCOUNT), users.token("acme-user"));
        assertError(users.get("east-user", ACCOUNT), 403, "forbidden");
        assertError(users.get("globex-admin", ACCOUNT), 403, "forbidden");
        assertError(users.send("acme-user", "PUT", ACCOUNT, SEED_DUO), 403, "forbidden");
        assertError(users.send("other-reseller-admin", "PUT", ACCOUNT, SEED_DUO), 403, "forbidden");
        Reply byParentAdmin = users.send("reseller-admin", "PUT", ACCOUNT, SEED_DUO);
        assertSuccess(byParentAdmin, users.token("reseller-admin"));
        String id = byParentAdmin.at("/data/id").asText();
        try {
            assertError(users.send("acme-user", "PATCH", ACCOUNT + "/" + id, "{\"data\":{\"enabled\":false}}"), 403,
                    "forbidden");
            assertError(users.send("globex-admin", "DELETE", ACCOUNT + "/" + id, null), 403, "forbidden");
            assertSuccess(users.send("acme-admin", "PATCH", ACCOUNT + "/" + id, "{\"data\":{\"name\":\"renamed\"}}"),
                    users.token("acme-admin"));
        } finally {
            assertSuccess(users.send("superadmin", "DELETE", ACCOUNT + "/" + id, null), users.token("superadmin"));
        }
    }

    @Test
    void badInputGetsAClear400AndCreatesNothing() {
        int before = users.get("acme-admin", ACCOUNT).at("/data/configured").size();
        Reply empty = users.send("acme-admin", "PUT", ACCOUNT, "{\"data\":{}}");
        assertError(empty, 400, "validation failed");
        assertTrue(empty.at("/data/name/required").isObject() && empty.at("/data/provider_name/required").isObject());
        Reply unknown = users.send("acme-admin", "PUT", ACCOUNT, "{\"data\":{\"name\":\"x\",\"provider_name\":\"sms\"}}");
        assertError(unknown, 400, "validation failed");
        assertEquals("Value not found in enumerated list of values", unknown.at("/data/provider_name/enum/message").asText());
        Reply incomplete = users.send("acme-admin", "PUT", ACCOUNT,
                "{\"data\":{\"name\":\"x\",\"provider_name\":\"duo\",\"settings\":{\"secret_key\":\"" + MASK + "\"}}}");
        assertError(incomplete, 400, "validation failed");
        assertTrue(incomplete.at("/data/settings.integration_key/required").isObject(), incomplete.toString());
        assertError(users.send("acme-admin", "PUT", ACCOUNT, "not json"), 400, "invalid data");
        assertEquals(before, users.get("acme-admin", ACCOUNT).at("/data/configured").size(), "nothing was created");
        assertError(users.get("acme-admin", ACCOUNT + "/00000000000000000000000000000000"), 404, "bad identifier");
    }

    @Test
    void theConfigsAreKeycloakComponentsThatRealmExportCarriesWithSecretsHidden() {
        String id = users.send("acme-admin", "PUT", ACCOUNT, SEED_DUO).at("/data/id").asText();
        try {
            JsonNode folder = ownFolder(keycloakAdmin, ACME);
            JsonNode components = keycloakAdmin.components(MULTI_FACTOR_TYPE, folder.path("id").asText());
            assertEquals(1, components.size(), "Acme's folder holds its one config: " + components);
            JsonNode ours = components.path(0);
            assertEquals(id, ours.at("/config/kazoo.id/0").asText());
            assertEquals(ACME, ours.at("/config/kazoo.owner/0").asText());
            assertEquals("duo", ours.path("providerId").asText());
            assertFalse(components.toString().contains("very-secret"), "Keycloak's own API hides the secrets too");

            Reply export = keycloakAdmin.partialExport();
            assertTrue(export.body().contains(id), "realm export carries the config");
            assertFalse(export.body().contains("very-secret"));
        } finally {
            users.send("superadmin", "DELETE", ACCOUNT + "/" + id, null);
        }
    }

    /**
     * A realm exported by an earlier version kept its configs directly under the realm, and a folder exported from a
     * realm of another id has a stale id: imported, the configs move into their owner's folder and the API finds them.
     */
    @Test
    void configsOfAnEarlierVersionsExportMoveIntoTheirOwnersFolder() {
        String realm = "kazoo-legacy-configs";
        keycloakAdmin.create("{\"realm\":\"" + realm + "\",\"enabled\":true,\"components\":{\"" + MULTI_FACTOR_TYPE
                + "\":[{\"name\":\"old system tokens\",\"providerId\":\"hmac_totp\",\"subType\":\"multi_factor\","
                + "\"config\":{\"kazoo.id\":[\"oldsystemconfig\"],\"kazoo.owner\":[\"\"],\"kazoo.enabled\":[\"true\"],"
                + "\"token_secret\":[\"s\"],\"otp_seed\":[\"JBSWY3DPEHPK3PXP\"]}},"
                // a folder exported from a realm of another id, with its config
                + "{\"id\":\"0b5e2f4c-0000-4000-8000-000000000001\",\"name\":\"configs of the system\","
                + "\"providerId\":\"owner\",\"config\":{\"kazoo.owner\":[\"\"]},\"subComponents\":{\""
                + MULTI_FACTOR_TYPE + "\":[{\"name\":\"moved tokens\",\"providerId\":\"hmac_totp\","
                + "\"subType\":\"multi_factor\",\"config\":{\"kazoo.id\":[\"otherrealmconfig\"],"
                + "\"kazoo.owner\":[\"\"],\"kazoo.enabled\":[\"true\"],\"token_secret\":[\"s\"],"
                + "\"otp_seed\":[\"JBSWY3DPEHPK3PXP\"]}}]}}]}}");
        try {
            KeycloakAdmin legacy = keycloakAdmin.realm(realm);
            JsonNode folder = ownFolder(legacy, "");
            assertEquals(2, legacy.components(MULTI_FACTOR_TYPE, folder.path("id").asText()).size());
            assertEquals(1, legacy.components(MULTI_FACTOR_TYPE).size(), "the stale folder is gone");
            Reply listed = http.get("/admin/realms/" + realm + "/kazoo/v2/multi_factor",
                    KazooHttp.bearer(http.adminToken(keycloak)));
            assertTrue(listed.body().contains("oldsystemconfig"), listed.toString());
            assertTrue(listed.body().contains("otherrealmconfig"), listed.toString());
        } finally {
            keycloakAdmin.realm(realm).delete();
        }
    }

    /** Eight first configs of a new account written at once, as eight admins might: all land, in one folder. */
    @Test
    void firstConfigsOfAnAccountWrittenAtOnceAllLand() throws Exception {
        String account = keycloakAdmin.createGroup("Kazoo concurrent configs");
        String path = "/realms/demo/kazoo/v2/accounts/" + account + "/multi_factor";
        try {
            String token = users.token("superadmin");
            List<Callable<Reply>> writes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String body = SEED_DUO.replace("another nice day", "at once " + i);
                writes.add(() -> http.request("PUT", path, body, "X-Auth-Token", token));
            }
            for (Reply written : Storm.run(writes)) {
                assertEquals(200, written.status(), written.toString());
            }
            assertEquals(8, users.get("superadmin", path).at("/data/configured").size());
            assertEquals(8, keycloakAdmin.components(MULTI_FACTOR_TYPE, ownFolder(keycloakAdmin, account)
                    .path("id").asText()).size(), "one folder holds them all");
        } finally {
            users.get("superadmin", path).at("/data/configured").forEach(config ->
                    users.send("superadmin", "DELETE", path + "/" + config.path("id").asText(), null));
            keycloakAdmin.deleteGroup(account);
        }
    }

    /** The folder component holding {@code owner}'s configs ("" for the system's). */
    private static JsonNode ownFolder(KeycloakAdmin admin, String owner) {
        for (JsonNode component : admin.components(MULTI_FACTOR_TYPE)) {
            if ("owner".equals(component.path("providerId").asText())
                    && owner.equals(component.at("/config/kazoo.owner/0").asText(""))) {
                return component;
            }
        }
        throw new AssertionError("no folder of '" + owner + "' in " + admin.components(MULTI_FACTOR_TYPE));
    }
}
