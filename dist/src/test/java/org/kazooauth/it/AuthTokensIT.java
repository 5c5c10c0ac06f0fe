package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.DemoUsers;
import org.kazooauth.testing.ExpiringKeyPair;
import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.KazooHttp.Reply;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 003's token operations on the real server: each signature reset kills exactly the tokens it should (old
 * and new tokens tried on a Kazoo endpoint and on Keycloak's own userinfo), refresh_token renews a live session
 * only, the keys are the realm's signing keys and the PEM served verifies the realm's tokens, and tokeninfo
 * answers with Kazoo's words.
 */
class AuthTokensIT extends DemoRealmIntegration {

    private static final String EAST = DEMO.accountId("Acme East");
    private static final String ACME = DEMO.accountId("Acme");
    private static final String AUTH = "/realms/demo/kazoo/v2/auth";
    private static final String RESET = "{\"action\":\"reset_signature_secret\",\"data\":{}}";

    /** Resets end sessions and rotate keys: the cached demo tokens are dead. */
    @AfterEach
    void forgetDeadTokens() {
        DemoUsers.forgetTokens();
    }

    /** With the openid scope, so that Keycloak's userinfo can judge the token too. */
    private String login(String user) {
        Reply granted = http.form("/realms/demo/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "crossbar", "scope", "openid", "username", user, "password", DEMO.password(user)));
        assertEquals(200, granted.status(), granted.toString());
        return granted.at("/access_token").asText();
    }

    private boolean works(String token) {
        int kazoo = http.get("/realms/demo/kazoo/v2/security", KazooHttp.bearer(token)).status();
        int userinfo = http.get("/realms/demo/protocol/openid-connect/userinfo", KazooHttp.bearer(token)).status();
        assertEquals(kazoo == 200, userinfo == 200, "Kazoo's API and Keycloak's userinfo agree: " + kazoo + "/" + userinfo);
        return kazoo == 200;
    }

    private Reply put(String token, String path, String body) {
        return http.request("PUT", path, body, "X-Auth-Token", token);
    }

    @Test
    void aUserResetKillsThatUsersTokensOnly() {
        String east = login("east-user");
        String eastAgain = login("east-user");
        String acme = login("acme-user");
        String eastId = KazooHttp.claims(east).path("sub").asText();
        assertEquals(403, put(acme, "/realms/demo/kazoo/v2/accounts/" + EAST + "/users/" + eastId + "/auth", RESET)
                .status(), "a plain user of the parent account may not");

        Reply reset = put(east, "/realms/demo/kazoo/v2/accounts/" + EAST + "/users/" + eastId + "/auth", RESET);
        assertEquals(200, reset.status(), reset.toString());
        assertEquals("success", reset.at("/status").asText());
        assertEquals(KazooHttp.JSON.createObjectNode(), reset.at("/data"), "seed 003: an empty success");
        assertFalse(works(east), "the user's token");
        assertFalse(works(eastAgain), "and every other token of the user");
        assertTrue(works(acme), "another user's token lives");
        assertTrue(works(login("east-user")), "a new login works");
    }

    @Test
    void anAccountResetKillsTheTokensOfItsOwnUsers() {
        String acmeUser = login("acme-user");
        String acmeAdmin = login("acme-admin");
        String east = login("east-user");
        String globex = login("globex-admin");
        assertEquals(403, put(login("acme-user"), "/realms/demo/kazoo/v2/accounts/" + ACME + "/auth", RESET).status(),
                "plain users may not");
        assertEquals(403, put(globex, "/realms/demo/kazoo/v2/accounts/" + ACME + "/auth", RESET).status(),
                "another tree's admin may not");

        Reply reset = put(acmeAdmin, "/realms/demo/kazoo/v2/accounts/" + ACME + "/auth", RESET);
        assertEquals(200, reset.status(), reset.toString());
        assertFalse(works(acmeUser));
        assertFalse(works(acmeAdmin), "the admin's own token too: they are the account's user");
        assertTrue(works(east), "a sub-account's users keep theirs");
        assertTrue(works(globex));
    }

    @Test
    void theSystemResetKillsEveryTokenWithANewSigningKey() {
        String east = login("east-user");
        String globex = login("globex-admin");
        String superadmin = login("superadmin");
        String oldKid = header(east).path("kid").asText();
        assertEquals(403, put(login("reseller-admin"), AUTH, RESET).status(), "only super admins");

        Reply reset = put(superadmin, AUTH, RESET);
        assertEquals(200, reset.status(), reset.toString());
        assertFalse(works(east));
        assertFalse(works(globex));
        assertFalse(works(superadmin));
        String fresh = login("east-user");
        assertTrue(works(fresh));
        assertNotEquals(oldKid, header(fresh).path("kid").asText(), "signed with a new key");
        assertFalse(http.get(AUTH + "/keys", KazooHttp.bearer(fresh)).body().contains(oldKid), "the old key is retired");
    }

    /**
     * A write that fails half-way leaves nothing: the system reset adds a new signing key, then cannot retire an
     * imported key whose certificate expired since it was imported (Keycloak validates a key provider again when it
     * changes). The reset answers 409 naming that key, and the new key, the realm's not-before and the sessions are
     * all as they were.
     */
    @Test
    void aResetThatFailsHalfWayLeavesNothingBehind() throws Exception {
        Instant expiry = Instant.now().plusSeconds(6);
        ExpiringKeyPair expiring = ExpiringKeyPair.until(expiry);
        // Keycloak takes the key while its certificate is valid
        String component = keycloakAdmin.createComponent("{\"name\":\"imported-expiring\",\"providerId\":\"rsa\","
                + "\"providerType\":\"org.keycloak.keys.KeyProvider\",\"config\":{\"priority\":[\"1\"],"
                + "\"algorithm\":[\"RS256\"],\"privateKey\":[\"" + expiring.privateKey() + "\"],\"certificate\":[\""
                + expiring.certificate() + "\"]}}");
        try {
            String east = login("east-user");
            JsonNode keysBefore = keyProviders();
            long notBefore = keycloakAdmin.representation().path("notBefore").asLong();
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 1_000);

            Reply reset = put(login("superadmin"), AUTH, RESET);
            assertEquals(409, reset.status(), reset.toString());
            assertTrue(reset.at("/data/message").asText().contains("imported-expiring"), reset.toString());
            assertEquals(keysBefore, keyProviders(), "no new key, no key retired");
            assertEquals(notBefore, keycloakAdmin.representation().path("notBefore").asLong());
            assertTrue(works(east), "the session lives and its token still verifies");
        } finally {
            keycloakAdmin.deleteComponent(component);
        }
    }

    /** The realm's key providers: each one's name and whether it is enabled and active. */
    private JsonNode keyProviders() {
        ObjectNode providers = KazooHttp.JSON.createObjectNode();
        keycloakAdmin.components("org.keycloak.keys.KeyProvider").forEach(provider -> providers.put(provider.path("name").asText(),
                provider.at("/config/enabled/0").asText("true") + "/" + provider.at("/config/active/0").asText("true")));
        return providers;
    }

    @Test
    void refreshTokenRenewsALiveSessionOnly() {
        String east = login("east-user");
        Reply refreshed = put(east, AUTH, "{\"action\":\"refresh_token\",\"data\":{}}");
        assertEquals(200, refreshed.status(), refreshed.toString());
        String renewed = refreshed.at("/auth_token").asText();
        assertNotEquals(east, renewed);
        assertEquals(KazooHttp.claims(east).path("sid").asText(), KazooHttp.claims(renewed).path("sid").asText(),
                "the same session");
        assertTrue(works(renewed));

        String eastId = KazooHttp.claims(east).path("sub").asText();
        assertEquals(200, put(renewed, "/realms/demo/kazoo/v2/accounts/" + EAST + "/users/" + eastId + "/auth", RESET)
                .status());
        Reply refused = put(renewed, AUTH, "{\"action\":\"refresh_token\",\"data\":{}}");
        assertEquals(401, refused.status(), "after a reset: " + refused);

        Reply unknown = put(login("east-user"), AUTH, "{\"action\":\"make_me_admin\",\"data\":{}}");
        assertEquals(400, unknown.status(), unknown.toString());
        assertEquals("Value not found in enumerated list of values", unknown.at("/data/action/enum/message").asText());
    }

    @Test
    void thePemOfTheSigningKeyVerifiesTheRealmsTokens() throws Exception {
        String east = login("east-user");
        String kid = header(east).path("kid").asText();
        Reply keys = http.get(AUTH + "/keys", KazooHttp.bearer(east));
        assertEquals(200, keys.status(), keys.toString());
        assertEquals(kid, keys.at("/data/0").asText(), "the active key first");

        Reply json = http.get(AUTH + "/keys/" + kid, KazooHttp.bearer(east));
        String pem = json.at("/data/public_key_pem").asText();
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"), pem);
        Reply file = http.get(AUTH + "/keys/" + kid, "Authorization", "Bearer " + east, "Accept", "application/x-pem-file");
        assertEquals(200, file.status());
        assertEquals(pem, file.body(), "the PEM itself");
        assertTrue(verifies(pem, east), "the PEM verifies the token's signature");
        assertFalse(verifies(pem, east.substring(0, east.lastIndexOf('.') - 4) + "AAAA" + east.substring(east.lastIndexOf('.'))),
                "and not a tampered one");
        assertEquals(404, http.get(AUTH + "/keys/no-such-key", KazooHttp.bearer(east)).status());

        Reply notAdmin = put(login("acme-admin"), AUTH + "/keys/" + kid, "{\"action\":\"reset_private_key\",\"data\":{}}");
        assertEquals(403, notAdmin.status(), notAdmin.toString());
        Reply rotated = put(login("superadmin"), AUTH + "/keys/" + kid, "{\"action\":\"reset_private_key\",\"data\":{}}");
        assertEquals(200, rotated.status(), rotated.toString());
        assertFalse(works(east), "every token signed so far stops working");
        String fresh = login("east-user");
        String newKid = header(fresh).path("kid").asText();
        assertNotEquals(kid, newKid);
        assertTrue(verifies(http.get(AUTH + "/keys/" + newKid, KazooHttp.bearer(fresh)).at("/data/public_key_pem")
                .asText(), fresh));
    }

    /** The admin mount serves the same tree to Keycloak's administrators; their own token is not this realm's. */
    @Test
    void keycloakAdministratorsSeeTheKeysButHaveNoSessionHereToRefresh() {
        String admin = http.adminToken(keycloak);
        Reply keys = http.get("/admin/realms/demo/kazoo/v2/auth/keys", KazooHttp.bearer(admin));
        assertEquals(200, keys.status(), keys.toString());
        assertEquals(http.get(AUTH + "/keys", KazooHttp.bearer(login("east-user"))).at("/data"), keys.at("/data"));
        Reply refresh = http.request("PUT", "/admin/realms/demo/kazoo/v2/auth",
                "{\"action\":\"refresh_token\",\"data\":{}}", "Authorization", "Bearer " + admin);
        assertEquals(400, refresh.status(), refresh.toString());
        assertTrue(refresh.at("/data/message").asText().contains("call it with a token of that realm"), refresh.toString());
    }

    @Test
    void tokenInfoSaysWhoATokenIsForInKazoosWords() {
        String east = login("east-user");
        Reply byQuery = http.get(AUTH + "/tokeninfo?token=" + east);
        assertEquals(200, byQuery.status(), byQuery.toString());
        JsonNode data = byQuery.at("/data");
        assertEquals(KazooHttp.claims(east).path("sub").asText(), data.path("owner_id").asText());
        assertEquals(EAST, data.path("account_id").asText());
        assertEquals("Acme East", data.path("account_name").asText());
        assertEquals(DEMO.accountId("Master Reseller"), data.path("reseller_id").asText());
        assertTrue(data.path("language").isTextual() && data.path("apps").isArray(), data.toString());

        Reply byBody = http.request("POST", AUTH + "/tokeninfo", "{\"data\":{\"token\":\"" + east + "\"}}");
        assertEquals(data, byBody.at("/data"));

        Reply missingQuery = http.get(AUTH + "/tokeninfo");
        assertEquals(404, missingQuery.status());
        assertEquals("missing token in params", missingQuery.at("/data/message").asText());
        Reply missingBody = http.request("POST", AUTH + "/tokeninfo", "{\"data\":{}}");
        assertEquals(404, missingBody.status());
        assertEquals("missing token in request", missingBody.at("/data/message").asText());
        Reply invalid = http.get(AUTH + "/tokeninfo?token=" + east.substring(0, east.length() - 4) + "AAAA");
        assertEquals(401, invalid.status(), invalid.toString());
    }

    private static JsonNode header(String jwt) {
        try {
            return KazooHttp.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean verifies(String pem, String jwt) throws Exception {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(base64)));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        int dot = jwt.lastIndexOf('.');
        signature.update(jwt.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
        try {
            return signature.verify(Base64.getUrlDecoder().decode(jwt.substring(dot + 1)));
        } catch (java.security.SignatureException malformed) {
            return false;
        }
    }
}
