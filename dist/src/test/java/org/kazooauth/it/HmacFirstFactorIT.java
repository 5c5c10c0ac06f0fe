package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kazooauth.core.hmac.HmacToken;
import org.kazooauth.core.hmac.HmacTokenSettings;
import org.kazooauth.core.hmac.HmacTokens;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.FormBrowser;
import org.kazooauth.testing.HeadlessChromium;
import org.kazooauth.testing.KazooHttp.Reply;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An HMAC-TOTP token in place of the password on the real server (the demo realm's password steps accept tokens),
 * checked against the system's hmac_totp config: on the direct grant as the password or as hmac_token, and in the
 * browser's password field; once only; another user's token refused with the reason in the attempt log.
 */
class HmacFirstFactorIT extends DemoRealmIntegration {

    private static final String SECRET = "a-system-token-secret";
    private static final String SEED = "JBSWY3DPEHPK3PXP";
    private static final HmacTokens TOKENS = new HmacTokens(HmacTokenSettings.of(SECRET, SEED));
    private static final String SYSTEM = "/realms/demo/kazoo/v2/multi_factor";

    private String configId;

    @BeforeEach
    void systemTokens() {
        configId = users.send("superadmin", "PUT", SYSTEM, "{\"data\":{\"name\":\"System tokens\",\"provider_name\":"
                + "\"hmac_totp\",\"settings\":{\"token_secret\":\"" + SECRET + "\",\"otp_seed\":\"" + SEED
                + "\",\"first_factor\":true}}}")
                .at("/data/id").asText();
    }

    @AfterEach
    void removeSystemTokens() {
        users.send("superadmin", "DELETE", SYSTEM + "/" + configId, null);
    }

    private Reply grant(Map<String, String> fields) {
        Map<String, String> form = new java.util.HashMap<>(fields);
        form.put("grant_type", "password");
        form.put("client_id", "crossbar");
        form.put("username", "acme-user");
        return http.form("/realms/demo/protocol/openid-connect/token", form);
    }

    /** Read by the super admin, who belongs to no account: reading leaves no attempt in Acme's log. */
    private String lastAttemptMessage() {
        return users.get("superadmin", "/realms/demo/kazoo/v2/accounts/" + DEMO.accountId("Acme")
                + "/security/attempts?page_size=1").at("/data/0/message").asText();
    }

    @Test
    void aTokenStandsInForThePasswordOnceOnly() {
        String token = TOKENS.generate("acme-user@demo", Instant.now());
        Reply first = grant(Map.of("password", token));
        assertEquals(200, first.status(), first.toString());
        assertTrue(first.json().hasNonNull("access_token"));

        Reply again = grant(Map.of("password", token));
        assertEquals(400, again.status(), again.toString());
        assertEquals("Invalid user credentials", again.at("/error_description").asText(), "Keycloak's own words");
        assertEquals("invalid credentials: the token was already used", lastAttemptMessage());

        assertEquals(200, grant(Map.of("hmac_token", TOKENS.generate("acme-user@demo", Instant.now()))).status(),
                "or as the hmac_token parameter");
        assertEquals(200, grant(Map.of("password", DEMO.password("acme-user"))).status(), "the password still works");
    }

    @Test
    void anotherUsersTokenIsRefused() {
        Reply refused = grant(Map.of("hmac_token", TOKENS.generate("east-user@demo", Instant.now())));
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("invalid credentials: the token's signature does not match", lastAttemptMessage());
    }

    @Test
    void anApplicationSignsItsUserInWithATokenOnTheAuthorizationRequest() {
        FormBrowser browser = new FormBrowser(keycloak);
        FormBrowser.Page done = browser.openLogin(Map.of("login_hint", "acme-user",
                "hmac_token", TOKENS.generate("acme-user@demo", Instant.now())));
        assertEquals(302, done.status(), done.body());
        assertTrue(done.location().startsWith(FormBrowser.REDIRECT_URI) && done.location().contains("code="),
                "no form at all: " + done.location());

        FormBrowser other = new FormBrowser(keycloak);
        FormBrowser.Page refused = other.openLogin(Map.of("login_hint", "acme-user",
                "hmac_token", TOKENS.generate("east-user@demo", Instant.now())));
        assertEquals(200, refused.status());
        assertTrue(refused.body().contains("Invalid username or password."), "the form, with an error");
        assertEquals("invalid credentials: the token's signature does not match", lastAttemptMessage());
    }

    @Test
    void headlessChromiumLogsInWithATokenAsThePassword() {
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            chromium.open(FormBrowser.loginUrl(keycloak.baseUrl()).toString());
            chromium.type("#username", "acme-user");
            chromium.type("#password", TOKENS.generate("acme-user@demo", Instant.now()));
            chromium.screenshot("hmac-token-as-password");
            chromium.click("#kc-login");
            chromium.waitUntil("the redirect to the application",
                    () -> chromium.currentUrl().startsWith(FormBrowser.REDIRECT_URI));
            assertTrue(chromium.currentUrl().contains("code="), chromium.currentUrl());
        }
    }

    @Test
    void inTheBrowserTheTokenGoesInThePasswordField() {
        FormBrowser browser = new FormBrowser(keycloak);
        FormBrowser.Page done = browser.logIn(browser.openLogin(), "acme-user",
                TOKENS.generate("acme-user@demo", Instant.now()));
        assertEquals(302, done.status(), done.body());
        assertTrue(done.location().contains("code="), done.location());

        FormBrowser other = new FormBrowser(keycloak);
        FormBrowser.Page refused = other.logIn(other.openLogin(), "acme-user",
                TOKENS.generate("acme-user@demo", Instant.now().minusSeconds(300)));
        assertEquals(200, refused.status());
        assertTrue(refused.body().contains("Invalid username or password."), "the login form again");
        assertEquals("invalid credentials: the token's one-time code is wrong or expired", lastAttemptMessage());
    }

    /**
     * DESIGN §4: tokens stand in for passwords only from configs a super admin approved, never for a realm
     * administrator. An account admin who writes a config of their own, with a secret of their choosing, and points
     * their account at it, signs nothing: asking for the approval is a 403, and their write of an approved config
     * withdraws it.
     */
    @Test
    void onlyASuperAdminsApprovalLetsTokensStandInForPasswordsAndNeverForRealmAdministrators() {
        String acme = DEMO.accountId("Acme");
        String providers = "/realms/demo/kazoo/v2/accounts/" + acme + "/multi_factor";
        String own = "an-account-admins-own-secret";
        HmacTokens ownTokens = new HmacTokens(HmacTokenSettings.of(own, SEED));
        String body = "{\"data\":{\"name\":\"Acme tokens\",\"provider_name\":\"hmac_totp\",\"settings\":{"
                + "\"token_secret\":\"" + own + "\",\"otp_seed\":\"" + SEED + "\"%s}}}";
        Reply asked = users.send("acme-admin", "PUT", providers, body.formatted(",\"first_factor\":true"));
        assertEquals(403, asked.status(), asked.toString());
        String config = users.send("acme-admin", "PUT", providers, body.formatted("")).at("/data/id").asText();
        String security = "/realms/demo/kazoo/v2/accounts/" + acme + "/security";
        JsonNode acmeBefore = users.get("superadmin", security).at("/data/account");
        try {
            assertEquals(200, users.send("acme-admin", "POST", "/realms/demo/kazoo/v2/accounts/" + acme + "/security",
                    "{\"data\":{\"auth_modules\":{\"cb_user_auth\":{\"multi_factor\":{\"enabled\":false,"
                            + "\"account_id\":\"" + acme + "\",\"configuration_id\":\"" + config + "\"}}}}}").status());
            assertEquals(400, grant(Map.of("password", ownTokens.generate("acme-user@demo", Instant.now()))).status(),
                    "an unapproved config signs nothing");

            assertEquals(200, users.send("superadmin", "PATCH", providers + "/" + config,
                    "{\"data\":{\"settings\":{\"first_factor\":true}}}").status());
            assertEquals(200, grant(Map.of("password", ownTokens.generate("acme-user@demo", Instant.now()))).status(),
                    "approved by the super admin");

            Reply changed = users.send("acme-admin", "PATCH", providers + "/" + config,
                    "{\"data\":{\"settings\":{\"token_secret\":\"another-secret\"}}}");
            assertEquals(200, changed.status(), changed.toString());
            assertTrue(changed.at("/data/settings/first_factor").isMissingNode(), "the approval went: " + changed);
            HmacTokens changedTokens = new HmacTokens(HmacTokenSettings.of("another-secret", SEED));
            assertEquals(400, grant(Map.of("password", changedTokens.generate("acme-user@demo", Instant.now())))
                    .status(), "changed after the approval: signs nothing");
        } finally {
            assertEquals(200, users.send("superadmin", "POST", security, "{\"data\":" + acmeBefore + "}").status(),
                    "Acme's own settings back as they were");
            users.send("superadmin", "DELETE", providers + "/" + config, null);
        }

        Map<String, String> admin = new java.util.HashMap<>();
        admin.put("grant_type", "password");
        admin.put("client_id", "crossbar");
        admin.put("username", "superadmin");
        admin.put("password", TOKENS.generate("superadmin@demo", Instant.now()));
        assertEquals(400, http.form("/realms/demo/protocol/openid-connect/token", admin).status(),
                "a realm administrator's password is never replaced by a token");
    }

    /** A real password that happens to look like a token is still a password: refused as a token, judged as one. */
    @Test
    void aPasswordShapedLikeATokenStillWorks() {
        String shaped = "123456789012345678901234 c2VjcmV0LXBhc3N3b3Jk";
        assertTrue(HmacToken.looksLike(shaped), "the premise");
        String id = keycloakAdmin.createUser("{\"username\":\"shaped-user\","
                + "\"enabled\":true,\"email\":\"shaped-user@demo.kazooauth.invalid\",\"emailVerified\":true,"
                + "\"firstName\":\"Shaped\",\"lastName\":\"User\",\"groups\":[\"/Master Reseller/Acme\"],"
                + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + shaped + "\",\"temporary\":false}]}");
        try {
            Reply direct = http.passwordGrant("demo", "crossbar", "shaped-user", shaped);
            assertEquals(200, direct.status(), direct.toString());
            FormBrowser browser = new FormBrowser(keycloak);
            FormBrowser.Page done = browser.logIn(browser.openLogin(), "shaped-user", shaped);
            assertEquals(302, done.status(), done.body());
        } finally {
            keycloakAdmin.deleteUser(id);
        }
    }
}
