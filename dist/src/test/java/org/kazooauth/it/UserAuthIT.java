package org.kazooauth.it;

import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.KazooHttp.Reply;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kazooauth.testing.KazooAssertions.assertError;

/**
 * {@code PUT /v2/user_auth} (DESIGN §3): Kazoo's login for REST clients, through the realm's direct-grant flow
 * with everything it enforces, answered in Kazoo's envelope with the access token as {@code auth_token}.
 */
class UserAuthIT extends DemoRealmIntegration {

    private static final String USER_AUTH = "/realms/demo/kazoo/v2/user_auth";
    private static final String EAST = DEMO.accountId("Acme East");

    private Reply logIn(String data) {
        return http.request("PUT", USER_AUTH, "{\"data\":" + data + "}");
    }

    private Reply logIn(String username, String password) {
        return logIn("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    void aGoodPasswordGetsKazoosAuthResponseAndAWorkingToken() {
        Reply reply = logIn("east-user", DEMO.password("east-user"));
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("success", reply.at("/status").asText());
        String token = reply.at("/auth_token").asText();
        assertEquals(reply.at("/data/owner_id").asText(), KazooHttp.claims(token).path("sub").asText());
        assertEquals("crossbar", KazooHttp.claims(token).path("azp").asText(), "issued for kazoo.crossbar.client_id");
        assertEquals(EAST, reply.at("/data/account_id").asText());
        assertEquals("Acme East", reply.at("/data/account_name").asText());
        assertEquals(DEMO.accountId("Master Reseller"), reply.at("/data/reseller_id").asText());
        assertFalse(reply.at("/data/is_reseller").asBoolean());
        assertTrue(reply.at("/data/apps").isArray());

        Reply used = http.get("/realms/demo/kazoo/v2/accounts/" + EAST + "/security", "X-Auth-Token", token);
        assertEquals(200, used.status(), "the token works as Kazoo's X-Auth-Token: " + used);
    }

    @Test
    void aWrongPasswordIsKazoosInvalidCredentialsAndLogged() {
        Reply refused = logIn("east-user", "not-the-password");
        assertError(refused, 401, "invalid_credentials");
        assertEquals("invalid credentials", refused.at("/data/message").asText());
        assertTrue(refused.at("/auth_token").isMissingNode() || refused.at("/auth_token").isNull(), refused.toString());
        Reply attempts = users.get("superadmin", "/realms/demo/kazoo/v2/accounts/" + EAST + "/security/attempts?page_size=1");
        assertEquals("failed", attempts.at("/data/0/status").asText(), attempts.toString());
        assertTrue(attempts.at("/data/0/message").asText().startsWith("invalid credentials"), attempts.toString());
        Reply unknown = logIn("nobody-at-all", "whatever");
        assertEquals(refused.at("/data").toString(), unknown.at("/data").toString(),
                "an unknown user gets the same answer");
        assertError(unknown, 401, "invalid_credentials");
    }

    @Test
    void accountNameMustBeTheUsersAccount() {
        assertEquals(200, logIn("{\"username\":\"east-user\",\"password\":\"" + DEMO.password("east-user")
                + "\",\"account_name\":\"Acme East\"}").status());
        assertError(logIn("{\"username\":\"east-user\",\"password\":\"" + DEMO.password("east-user")
                + "\",\"account_name\":\"Globex\"}"), 401, "invalid_credentials");
        assertError(logIn("{\"username\":\"east-user\",\"password\":\"" + DEMO.password("east-user")
                + "\",\"account_name\":\"No Such Account\"}"), 401, "invalid_credentials");
    }

    @Test
    void badRequestsAreClear400s() {
        Reply missing = logIn("{\"password\":\"x\"}");
        assertError(missing, 400, "validation failed");
        assertTrue(missing.at("/data/username/required").isObject(), missing.toString());
        Reply md5 = logIn("{\"credentials\":\"0123456789abcdef0123456789abcdef\",\"account_name\":\"Acme\"}");
        assertError(md5, 400, "invalid data");
        assertTrue(md5.at("/data/message").asText().contains("password hashes"), md5.toString());
        assertError(http.request("PUT", USER_AUTH, "not json"), 400, "invalid data");
    }

    @Test
    void theLockAndTheAccountsSettingsApplyAsOnTheTokenEndpoint() throws Exception {
        String lock = "/realms/demo/kazoo/v2/accounts/" + EAST + "/security/login_lock";
        realmAttributes.with(Map.of("kazoo.crossbar.auth.lock_account_on_failed_attempts", "true"), () -> {
            try {
                for (int failure = 1; failure <= 5; failure++) {
                    assertError(logIn("east-user", "not-the-password"), 401, "invalid_credentials");
                }
                Reply locked = logIn("east-user", DEMO.password("east-user"));
                assertError(locked, 401, "account_is_locked");
                assertEquals("your account is locked because of too many failed login attempts",
                        locked.at("/data/message").asText());
            } finally {
                users.send("superadmin", "DELETE", lock, null);
            }
        });
        String security = "/realms/demo/kazoo/v2/accounts/" + EAST + "/security";
        assertEquals(200, users.send("superadmin", "PATCH", security,
                "{\"data\":{\"auth_modules\":{\"cb_user_auth\":{\"enabled\":false}}}}").status());
        try {
            assertError(logIn("east-user", DEMO.password("east-user")), 401, "invalid_credentials");
        } finally {
            users.send("superadmin", "DELETE", security, null);
        }
        assertEquals(200, logIn("east-user", DEMO.password("east-user")).status());
    }
}
