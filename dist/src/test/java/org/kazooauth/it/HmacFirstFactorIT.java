package org.kazooauth.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
                + "\"hmac_totp\",\"settings\":{\"token_secret\":\"" + SECRET + "\",\"otp_seed\":\"" + SEED + "\"}}}")
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
}
