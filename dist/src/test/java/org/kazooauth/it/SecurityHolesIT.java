package org.kazooauth.it;

import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.KazooHttp.Reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kazooauth.testing.KazooAssertions.assertError;

/**
 * Holes a security review found, each shown closed on the real server. Bad input gets a 4xx in Kazoo's envelope that says what is wrong, changes nothing and never carries a stored
 * secret (DESIGN §4): bodies past Jackson's limits, times past what an instant holds, token settings a login could
 * not use, lifetimes that would never end, a provider switched under its stored secrets.
 */
class SecurityHolesIT extends DemoRealmIntegration {

    private static final String ACME = DEMO.accountId("Acme");
    private static final String EAST = DEMO.accountId("Acme East");
    private static final String PROVIDERS = "/realms/demo/kazoo/v2/accounts/" + ACME + "/multi_factor";
    private static final String DUO_SECRET = "kazooEmulatorClientSecret0123456789abcde";

    @Test
    void aStoredSecretNeverLeaksIntoAValidationError() {
        String config = users.send("superadmin", "PUT", PROVIDERS, "{\"data\":{\"name\":\"Acme Duo\",\"provider_name\":"
                + "\"duo\",\"settings\":{\"integration_key\":\"DIKAZOOEMULATOR00001\",\"secret_key\":\"" + DUO_SECRET
                + "\",\"api_hostname\":\"127.0.0.1\"}}}").at("/data/id").asText();
        try {
            Reply switched = users.send("superadmin", "PATCH", PROVIDERS + "/" + config,
                    "{\"data\":{\"provider_name\":\"hmac_totp\"}}");
            assertError(switched, 400, "validation failed");
            assertFalse(switched.body().contains(DUO_SECRET), "the Duo secret stays unsaid: " + switched);
            assertEquals("duo", users.get("superadmin", PROVIDERS + "/" + config).at("/data/provider_name").asText(),
                    "nothing changed");
        } finally {
            users.send("superadmin", "DELETE", PROVIDERS + "/" + config, null);
        }
    }

    @Test
    void bodiesPastJacksonsLimitsAreA400() {
        String deep = "{\"data\":" + "[".repeat(1001) + "]".repeat(1001) + "}";
        assertError(users.send("superadmin", "POST", "/realms/demo/kazoo/v2/accounts/" + EAST + "/security", deep),
                400, "invalid data");
        String longNumber = "{\"data\":{\"auth_modules\":{\"cb_user_auth\":{\"token_auth_expiry_s\":"
                + "9".repeat(1001) + "}}}}";
        assertError(users.send("superadmin", "POST", "/realms/demo/kazoo/v2/accounts/" + EAST + "/security",
                longNumber), 400, "invalid data");
    }

    @Test
    void attemptTimesPastWhatAnInstantHoldsAreA400() {
        String attempts = "/realms/demo/kazoo/v2/accounts/" + EAST + "/security/attempts";
        assertError(users.get("superadmin", attempts + "?created_from=9223372036854775807"), 400, "validation failed");
        assertError(users.get("superadmin", attempts + "?created_to=9300000000000000"), 400, "validation failed");
    }

    @Test
    void tokenSettingsNoLoginCouldUseAreRefusedOnWrite() {
        long before = users.get("superadmin", PROVIDERS).at("/data").size();
        for (String bad : new String[]{"\"digits\":5", "\"interval\":0", "\"deviation\":11"}) {
            Reply refused = users.send("superadmin", "PUT", PROVIDERS, "{\"data\":{\"name\":\"Bad tokens\","
                    + "\"provider_name\":\"hmac_totp\",\"settings\":{\"token_secret\":\"s3cret\",\"otp_seed\":"
                    + "\"XVGR73KMZH2M4XMY\"," + bad + "}}}");
            assertError(refused, 400, "validation failed");
        }
        assertEquals(before, users.get("superadmin", PROVIDERS).at("/data").size(), "nothing written");
    }

    @Test
    void aLifetimeBeyondThirtyDaysIsRefused() {
        Reply refused = users.send("superadmin", "POST", "/realms/demo/kazoo/v2/accounts/" + EAST + "/security",
                "{\"data\":{\"auth_modules\":{\"cb_user_auth\":{\"token_auth_expiry_s\":2592001}}}}");
        assertError(refused, 400, "validation failed");
        assertTrue(refused.at("/data/auth_modules.cb_user_auth.token_auth_expiry_s/maximum").isObject(),
                refused.toString());
    }

    /** A PATCH that sets only {@code multi_factor.account_id} is checked against the configuration it keeps. */
    @Test
    void aPatchOfTheMultiFactorAccountAloneIsCheckedForOwnership() {
        String east = "/realms/demo/kazoo/v2/accounts/" + EAST + "/security";
        String config = users.send("acme-admin", "PUT", PROVIDERS, "{\"data\":{\"name\":\"Acme tokens\","
                + "\"provider_name\":\"hmac_totp\",\"settings\":{\"token_secret\":\"s3cret\",\"otp_seed\":"
                + "\"XVGR73KMZH2M4XMY\"}}}").at("/data/id").asText();
        try {
            assertEquals(200, users.send("acme-admin", "POST", east, "{\"data\":{\"auth_modules\":{\"cb_user_auth\":{"
                    + "\"multi_factor\":{\"enabled\":false,\"account_id\":\"" + ACME + "\",\"configuration_id\":\""
                    + config + "\"}}}}}").status());
            Reply moved = users.send("acme-admin", "PATCH", east, "{\"data\":{\"auth_modules\":{\"cb_user_auth\":{"
                    + "\"multi_factor\":{\"account_id\":\"" + DEMO.accountId("Globex") + "\"}}}}}");
            assertError(moved, 400, "validation failed");
            assertEquals(ACME, users.get("acme-admin", east).at("/data/account/auth_modules/cb_user_auth/multi_factor/"
                    + "account_id").asText(), "nothing changed");
        } finally {
            users.send("superadmin", "DELETE", east, null);
            users.send("superadmin", "DELETE", PROVIDERS + "/" + config, null);
        }
    }

    /** System documents are a super admin's: through {@code /v2/auth/providers/{id}} others see the summary. */
    @Test
    void aSystemProviderDocumentIsASuperAdminsOthersSeeItsSummary() {
        String system = "/realms/demo/kazoo/v2/multi_factor";
        String config = users.send("superadmin", "PUT", system, "{\"data\":{\"name\":\"System tokens\","
                + "\"provider_name\":\"hmac_totp\",\"settings\":{\"token_secret\":\"s3cret\",\"otp_seed\":"
                + "\"XVGR73KMZH2M4XMY\",\"digits\":8}}}").at("/data/id").asText();
        try {
            Reply full = users.get("superadmin", "/realms/demo/kazoo/v2/auth/providers/" + config);
            assertEquals(8, full.at("/data/settings/digits").asInt(), full.toString());
            Reply summary = users.get("east-user", "/realms/demo/kazoo/v2/auth/providers/" + config);
            assertEquals(200, summary.status(), summary.toString());
            assertTrue(summary.at("/data/settings").isMissingNode(), "no settings for a plain user: " + summary);
            assertEquals("hmac_totp", summary.at("/data/provider_name").asText());
        } finally {
            users.send("superadmin", "DELETE", system + "/" + config, null);
        }
    }

    /** Which account ids exist is not answered to callers who may not see the whole realm. */
    @Test
    void unknownAccountIdsOfTheAppsListingAre403ForOrdinaryCallers() {
        String apps = "/realms/demo/kazoo/v2/auth/apps?account_id=";
        assertError(users.get("east-user", apps + "no-such-account"), 403, "forbidden");
        assertError(users.get("east-user", apps + DEMO.accountId("Globex")), 403, "forbidden");
        assertError(users.get("superadmin", apps + "no-such-account"), 404, "bad identifier");
    }

    /** Seed 000's provider body ({@code provider_type}, no {@code name}) is taken as Kazoo took it. */
    @Test
    void seed000sProviderBodyIsAccepted() {
        Reply created = users.send("superadmin", "PUT", PROVIDERS, "{\"data\":{\"provider_name\":\"duo\","
                + "\"provider_type\":\"multi_factor\",\"enabled\":true,\"settings\":{\"integration_key\":"
                + "\"DIKAZOOEMULATOR00001\",\"secret_key\":\"" + DUO_SECRET + "\",\"application_secret_key\":"
                + "\"akey\",\"api_hostname\":\"127.0.0.1\",\"duo_expire\":300,\"app_expire\":3600}}}");
        assertEquals(200, created.status(), created.toString());
        assertEquals("duo", created.at("/data/name").asText());
        users.send("superadmin", "DELETE", PROVIDERS + "/" + created.at("/data/id").asText(), null);
    }

    /**
     * A token counts only when it was meant for the Kazoo API (the crossbar client's, or one carrying the
     * {@code kazoo} audience), and a role only when the token's client has it in scope, as in Keycloak's admin API.
     */
    @Test
    void aRealmAdminsTokenOfALowTrustClientCarriesNoAdminPower() {
        String system = "/realms/demo/kazoo/v2/multi_factor/duo";
        String foreign = createClient("other-app", false, true);
        String lowTrust = createClient("low-trust-app", true, false);
        try {
            String superadminPassword = DEMO.password("superadmin");
            Reply refused = http.get(system, KazooHttp.bearer(
                    http.passwordToken("demo", "other-app", "superadmin", superadminPassword)));
            assertError(refused, 401, "invalid credentials");
            assertTrue(refused.body().contains("'kazoo'"), "says how to allow the client: " + refused);

            String scoped = http.passwordToken("demo", "low-trust-app", "superadmin", superadminPassword);
            assertError(http.get(system, KazooHttp.bearer(scoped)), 403, "forbidden");
            assertError(http.request("POST", "/realms/demo/kazoo/v2/accounts/" + EAST + "/security",
                    "{\"data\":{}}", KazooHttp.bearer(scoped)), 403, "forbidden");

            assertEquals(200, users.get("superadmin", system).status(), "the crossbar client's token still works");
        } finally {
            keycloakAdmin.deleteClient(foreign);
            keycloakAdmin.deleteClient(lowTrust);
        }
    }

    /** Every listing pages Kazoo's way: following {@code next_start_key} walks each row exactly once. */
    @Test
    void listingsPageWithStartKeyAndPageSize() {
        String system = "/realms/demo/kazoo/v2/multi_factor";
        java.util.List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(users.send("superadmin", "PUT", system, "{\"data\":{\"name\":\"Paged " + i + "\","
                    + "\"provider_name\":\"hmac_totp\",\"settings\":{\"token_secret\":\"s3cret\",\"otp_seed\":"
                    + "\"XVGR73KMZH2M4XMY\"}}}").at("/data/id").asText());
        }
        try {
            for (String listing : new String[]{system, "/realms/demo/kazoo/v2/auth/providers"}) {
                Reply whole = users.get("superadmin", listing);
                java.util.List<String> all = new java.util.ArrayList<>();
                whole.at("/data").forEach(row -> all.add(row.path("id").asText()));
                assertTrue(all.containsAll(made), whole.toString());
                java.util.List<String> walked = new java.util.ArrayList<>();
                String next = "";
                do {
                    Reply page = users.get("superadmin", listing + "?page_size=2" + (next.isEmpty() ? ""
                            : "&start_key=" + next));
                    assertTrue(page.at("/data").size() <= 2, page.toString());
                    page.at("/data").forEach(row -> walked.add(row.path("id").asText()));
                    next = page.at("/next_start_key").asText("");
                } while (!next.isEmpty());
                assertEquals(all, walked, listing + " walked page by page");
                assertError(users.get("superadmin", listing + "?page_size=0"), 400, "validation failed");
                assertError(users.get("superadmin", listing + "?start_key=no-such-row"), 400, "validation failed");
            }
        } finally {
            made.forEach(id -> users.send("superadmin", "DELETE", system + "/" + id, null));
        }
    }

    /** Unknown paths below every resource answer Kazoo's 404 envelope, not the server's bare one. */
    @Test
    void unknownSubPathsAreKazoos404() {
        String v2 = "/realms/demo/kazoo/v2";
        for (String path : new String[]{"/auth/nope", "/auth/apps/x/y", "/auth/links/x/y", "/auth/providers/x/y",
                "/security/nope", "/accounts/" + EAST + "/security/nope", "/accounts/" + EAST + "/security/login_lock/x",
                "/multi_factor/x/y", "/accounts/" + EAST + "/multi_factor/x/y", "/accounts/" + EAST + "/auth/nope",
                "/user_auth/nope"}) {
            Reply reply = users.get("superadmin", v2 + path);
            assertError(reply, 404, "not found");
            assertTrue(reply.at("/data/message").asText().contains("kazoo/v2" + path), reply.toString());
        }
        assertEquals(200, users.get("superadmin", v2 + "/auth/providers/duo").status(), "an id still finds its row");
    }

    /** A public client with the password grant; {@code kazooAudience} adds the pack's audience mapper. */
    private String createClient(String clientId, boolean kazooAudience, boolean fullScope) {
        String mappers = kazooAudience ? "[{\"name\":\"kazoo api audience\",\"protocol\":\"openid-connect\","
                + "\"protocolMapper\":\"oidc-audience-mapper\",\"config\":{\"included.custom.audience\":\"kazoo\","
                + "\"access.token.claim\":\"true\"}}]" : "[]";
        return keycloakAdmin.createClient("{\"clientId\":\"" + clientId + "\",\"publicClient\":true,"
                + "\"directAccessGrantsEnabled\":true,\"fullScopeAllowed\":" + fullScope + ",\"protocolMappers\":"
                + mappers + "}");
    }
}
