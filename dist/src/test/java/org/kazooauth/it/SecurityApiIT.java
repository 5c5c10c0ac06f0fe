package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.KazooHttp.Reply;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kazooauth.testing.KazooAssertions.assertError;
import static org.kazooauth.testing.KazooAssertions.assertSuccess;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /v2/security} and {@code GET /v2/accounts/{A}/security} (seed 002) on the real server: Kazoo's
 * envelope, both token headers, the DESIGN §4 outcomes, and {@code inherited_config} computed from the demo
 * realm's real group and realm attributes.
 */
class SecurityApiIT extends DemoRealmIntegration {

    private static final String API = "/realms/demo/kazoo/v2";
    private static final String ADMIN_API = "/admin/realms/demo/kazoo/v2";

    private static final String MASTER = DEMO.accountId("Master Reseller");
    private static final String ACME = DEMO.accountId("Acme");
    private static final String EAST = DEMO.accountId("Acme East");
    private static final String OTHER = DEMO.accountId("Other Reseller");
    private static final String GLOBEX = DEMO.accountId("Globex");

    private String token(String user) {
        return users.token(user);
    }

    private Reply getAs(String user, String path) {
        return users.get(user, path);
    }

    // ---- GET /v2/security ------------------------------------------------------------------------------

    @Test
    void securityListsTheModulesUnderBothNames() {
        Reply reply = getAs("acme-user", API + "/security");
        assertSuccess(reply, token("acme-user"));
        List<String> modules = List.of("cb_api_auth", "cb_auth", "cb_ip_auth", "cb_user_auth");
        assertEquals(modules, texts(reply.at("/data/available_auth_modules")));
        assertEquals(modules, texts(reply.at("/data/available_auth_methods")));
    }

    @Test
    void kazoosXAuthTokenHeaderWorksLikeBearer() {
        Reply reply = http.get(API + "/security", "X-Auth-Token", token("east-user"));
        assertSuccess(reply, token("east-user"));
    }

    @Test
    void theBearerSchemeIsReadAsRfc6750SaysAndOtherSchemesFallBackToXAuthToken() {
        String token = token("east-user");
        assertSuccess(http.get(API + "/security", "Authorization", "bearer \t " + token + "  "), token);
        assertError(http.get(API + "/security", "Authorization", "Bearer" + token), 401, "invalid credentials");
        assertError(http.get(API + "/security", "Authorization", "Bearer   "), 401, "invalid credentials");
        assertSuccess(http.get(API + "/security", "Authorization", "Basic YWxpY2U6c2VjcmV0", "X-Auth-Token", token),
                token);
    }

    @Test
    void anonymousCallsGet401WithAnExplanation() {
        Reply reply = http.get(API + "/security");
        assertError(reply, 401, "invalid credentials");
        assertTrue(reply.at("/data/message").asText().contains("X-Auth-Token"), reply.toString());
        assertTrue(reply.at("/auth_token").isMissingNode(), "no token, no auth_token");
    }

    @Test
    void garbageExpiredOrForeignTokensGet401() {
        assertError(http.get(API + "/security", KazooHttp.bearer("not-a-jwt")), 401, "invalid credentials");
        assertError(http.get(API + "/security", "X-Auth-Token", "a.b.c"), 401, "invalid credentials");
        String masterToken = http.adminToken(keycloak);
        assertError(http.get(API + "/security", KazooHttp.bearer(masterToken)), 401, "invalid credentials");
        assertError(http.get(API + "/accounts/" + ACME + "/security", "Authorization", "Basic YWxpY2U6c2VjcmV0"),
                401, "invalid credentials");
    }

    @Test
    void aClientRequestIdIsKeptAndAMalformedOneReplaced() {
        String mine = "0123456789abcdef0123456789abcdef";
        Reply kept = http.get(API + "/security", "Authorization", "Bearer " + token("acme-user"), "X-Request-ID", mine);
        assertEquals(mine, kept.at("/request_id").asText());
        Reply replaced = http.get(API + "/security", "Authorization", "Bearer " + token("acme-user"),
                "X-Request-ID", "<script>");
        assertTrue(replaced.at("/request_id").asText().matches("[0-9a-f]{32}"));
    }

    @Test
    void unknownEndpointsAreKazoo404sAfterAuthentication() {
        assertError(getAs("acme-user", API + "/no_such_thing"), 404, "not found");
        assertError(http.request("PUT", API + "/accounts/" + ACME + "/nothing_here", "{}",
                KazooHttp.bearer(token("acme-admin"))), 404, "not found");
        assertError(http.get(API + "/no_such_thing"), 401, "invalid credentials");
    }

    // ---- GET /v2/accounts/{A}/security: who may read ------------------------------------------------------

    @Test
    void accountSecurityAuthorizationOutcomes() {
        String acme = API + "/accounts/" + ACME + "/security";
        assertError(http.get(acme), 401, "invalid credentials");
        assertSuccess(getAs("acme-user", acme), token("acme-user"));          // member of A
        assertSuccess(getAs("acme-admin", acme), token("acme-admin"));        // admin of A
        assertSuccess(getAs("reseller-admin", acme), token("reseller-admin")); // admin of A's parent
        assertSuccess(getAs("superadmin", acme), token("superadmin"));        // super admin
        assertError(getAs("globex-admin", acme), 403, "forbidden");                   // admin in another tree
        assertError(getAs("east-user", acme), 403, "forbidden");                      // member of a sub-account

        String east = API + "/accounts/" + EAST + "/security";
        assertSuccess(getAs("east-user", east), token("east-user"));
        assertSuccess(getAs("acme-admin", east), token("acme-admin"));        // admin of the parent
        assertSuccess(getAs("reseller-admin", east), token("reseller-admin")); // admin of an ancestor
        assertError(getAs("acme-user", east), 403, "forbidden");                      // plain user, not a member

        String master = API + "/accounts/" + MASTER + "/security";
        assertError(getAs("acme-admin", master), 403, "forbidden");                   // never upwards
        assertError(getAs("reseller-admin", API + "/accounts/" + GLOBEX + "/security"), 403, "forbidden");
    }

    @Test
    void unknownAccountsAre404ForSuperAdminsAnd403ForOthers() {
        String unknown = API + "/accounts/00000000-0000-4000-8000-0000000000ff/security";
        Reply forSuper = getAs("superadmin", unknown);
        assertError(forSuper, 404, "bad identifier");
        assertEquals("00000000-0000-4000-8000-0000000000ff", forSuper.at("/data/id").asText());
        assertError(getAs("reseller-admin", unknown), 403, "forbidden");
    }

    // ---- GET /v2/accounts/{A}/security: what it says --------------------------------------------------------

    @Test
    void aSubAccountInheritsFromItsParentsUpToTheResellerAndFromTheSystem() {
        Reply reply = getAs("east-user", API + "/accounts/" + EAST + "/security");
        assertEquals(0, reply.at("/data/account").size(), "Acme East has no config of its own: " + reply);
        JsonNode modules = reply.at("/data/inherited_config/auth_modules");
        assertEquals(1800, modules.at("/cb_api_auth/token_auth_expiry_s").asInt(), "from the reseller");
        assertTrue(modules.at("/cb_api_auth/log_successful_attempts").asBoolean(), "from Acme, the parent");
        assertFalse(modules.at("/cb_ip_auth/enabled").asBoolean(true), "from the realm (system)");
        assertTrue(modules.at("/cb_user_auth/enabled").asBoolean(), "code default");
        assertEquals(3600, modules.at("/cb_user_auth/token_auth_expiry_s").asInt(), "code default");
        assertTrue(modules.at("/cb_user_auth/log_successful_attempts").asBoolean(), "code default");
        assertFalse(modules.at("/cb_auth/log_successful_attempts").asBoolean(true), "code default");
        assertEquals(Map.of("name", "Default System Provider", "provider_name", "duo"),
                KazooHttp.JSON.convertValue(modules.at("/cb_user_auth/multi_factor/_read_only"), Map.class));
        assertFalse(modules.at("/cb_user_auth/multi_factor/enabled").asBoolean(true));
    }

    @Test
    void anAccountSeesItsOwnConfigApartFromWhatItInherits() {
        Reply reply = getAs("acme-admin", API + "/accounts/" + ACME + "/security");
        assertEquals(json("{\"auth_modules\":{\"cb_api_auth\":{\"log_successful_attempts\":true}}}"),
                reply.at("/data/account"));
        JsonNode inherited = reply.at("/data/inherited_config/auth_modules/cb_api_auth");
        assertFalse(inherited.path("log_successful_attempts").asBoolean(true), "its own setting is not inherited");
        assertEquals(1800, inherited.path("token_auth_expiry_s").asInt());
    }

    @Test
    void aResellerInheritsFromTheSystemOnly() {
        Reply reply = getAs("reseller-admin", API + "/accounts/" + MASTER + "/security");
        assertEquals(1800, reply.at("/data/account/auth_modules/cb_api_auth/token_auth_expiry_s").asInt());
        assertEquals(3600, reply.at("/data/inherited_config/auth_modules/cb_api_auth/token_auth_expiry_s").asInt());
        assertFalse(reply.at("/data/inherited_config/auth_modules/cb_ip_auth/enabled").asBoolean(true));
    }

    @Test
    void anotherResellersTreeInheritsNothingFromThisOne() {
        Reply reply = getAs("globex-admin", API + "/accounts/" + GLOBEX + "/security");
        assertEquals(3600, reply.at("/data/inherited_config/auth_modules/cb_api_auth/token_auth_expiry_s").asInt());
        assertFalse(reply.at("/data/inherited_config/auth_modules/cb_api_auth/log_successful_attempts").asBoolean(true));
    }

    @Test
    void aChangeInTheChainShowsOnTheNextRequest() {
        ObjectNode original = keycloakAdmin.group(ACME);
        ObjectNode changed = original.deepCopy();
        ((ObjectNode) changed.path("attributes")).putArray("kazoo.auth_modules.cb_auth.enabled").add("false");
        String east = API + "/accounts/" + EAST + "/security";
        assertTrue(getAs("east-user", east).at("/data/inherited_config/auth_modules/cb_auth/enabled").asBoolean());
        try {
            keycloakAdmin.updateGroup(changed);
            assertFalse(getAs("east-user", east).at("/data/inherited_config/auth_modules/cb_auth/enabled")
                    .asBoolean(true), "the parent's new setting is inherited at once");
        } finally {
            keycloakAdmin.updateGroup(original);
        }
        assertTrue(getAs("east-user", east).at("/data/inherited_config/auth_modules/cb_auth/enabled").asBoolean());
    }

    // ---- the admin mount ------------------------------------------------------------------------------------

    @Test
    void keycloakAdministratorsGetTheSameTreeUnderTheAdminApi() {
        String masterAdmin = http.adminToken(keycloak);
        Reply viaAdmin = http.get(ADMIN_API + "/accounts/" + EAST + "/security", KazooHttp.bearer(masterAdmin));
        assertSuccess(viaAdmin, masterAdmin);
        Reply viaRealm = getAs("east-user", API + "/accounts/" + EAST + "/security");
        assertEquals(viaRealm.at("/data"), viaAdmin.at("/data"), "one resource tree, the same answer");

        assertSuccess(http.get(ADMIN_API + "/security", KazooHttp.bearer(masterAdmin)), masterAdmin);
        assertSuccess(http.get(ADMIN_API + "/accounts/" + OTHER + "/security",
                KazooHttp.bearer(token("superadmin"))), token("superadmin"));
    }

    @Test
    void theAdminMountIsJudgedByKeycloaksAdminPermissions() {
        assertError(http.get(ADMIN_API + "/accounts/" + ACME + "/security", KazooHttp.bearer(token("acme-admin"))),
                403, "forbidden");
        assertEquals(401, http.get(ADMIN_API + "/accounts/" + ACME + "/security").status());
        Reply unknown = http.get(ADMIN_API + "/accounts/00000000-0000-4000-8000-0000000000ff/security",
                KazooHttp.bearer(http.adminToken(keycloak)));
        assertError(unknown, 404, "bad identifier");
    }

    private static List<String> texts(JsonNode array) {
        return KazooHttp.JSON.convertValue(array, KazooHttp.JSON.getTypeFactory()
                .constructCollectionType(List.class, String.class));
    }

    private static JsonNode json(String text) {
        try {
            return KazooHttp.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
