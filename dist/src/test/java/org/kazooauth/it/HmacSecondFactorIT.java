package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kazooauth.core.hmac.HmacTokenSettings;
import org.kazooauth.core.hmac.HmacTokens;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.FormBrowser;
import org.kazooauth.testing.HeadlessChromium;
import org.kazooauth.testing.HmacForAcmeEast;
import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.KazooHttp.Reply;
import org.kazooauth.testing.KeycloakMetrics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An HMAC-TOTP token as the second factor of a Kazoo REST client on the real server: the 401 multi_factor_request
 * challenge, the retry with multi_factor_response, and every kind of bad token refused and logged as a failed
 * multi_factor attempt; a good token works once across the cluster's single-use store.
 */
class HmacSecondFactorIT extends DemoRealmIntegration {

    private static final String SECRET = HmacForAcmeEast.SECRET;
    private static final String SEED = HmacForAcmeEast.SEED;
    private static final HmacTokens TOKENS = HmacForAcmeEast.TOKENS;

    private final String east = DEMO.accountId("Acme East");
    private HmacForAcmeEast hmac;

    @BeforeEach
    void requireHmacTotpForAcmeEast() {
        hmac = HmacForAcmeEast.switchOn(users, DEMO);
    }

    @AfterEach
    void restore() {
        hmac.close();
    }

    private Reply login(String response) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "crossbar");
        form.put("username", "east-user");
        form.put("password", DEMO.password("east-user"));
        if (response != null) {
            form.put("multi_factor_response", response);
        }
        return http.form("/realms/demo/protocol/openid-connect/token", form);
    }

    private JsonNode lastAttempt() {
        return users.get("superadmin", "/realms/demo/kazoo/v2/accounts/" + east + "/multi_factor/attempts?page_size=1")
                .at("/data/0");
    }

    /** Wrong second factors drain the account lock's bucket like wrong passwords; the right password is then locked out. */
    @Test
    void wrongSecondFactorsLockTheAccount() throws Exception {
        String loginLock = "/realms/demo/kazoo/v2/accounts/" + east + "/security/login_lock";
        realmAttributes.with(Map.of("kazoo.crossbar.auth.lock_account_on_failed_attempts", "true"), () -> {
            try {
                for (int failure = 1; failure <= 5; failure++) {
                    Reply refused = login("garbage" + failure);
                    assertEquals("second-factor authentication failed", refused.at("/error_description").asText(),
                            "failure " + failure + ": " + refused);
                }
                Reply locked = login(TOKENS.generate("east-user@demo", Instant.now()));
                assertEquals(401, locked.status(), locked.toString());
                assertEquals("account_is_locked", locked.at("/message").asText(), "even with a good token");
            } finally {
                assertEquals("account is unlocked",
                        users.send("superadmin", "DELETE", loginLock, null).at("/data/status").asText());
            }
        });
    }

    @Test
    void theFirstRequestGetsKazoosChallengeWithoutSecrets() {
        Reply challenge = login(null);
        assertEquals(401, challenge.status(), challenge.toString());
        assertEquals("invalid_grant", challenge.at("/error").asText(), "OAuth clients still parse it");
        assertEquals("client needs to perform second-factor authentication", challenge.at("/data/message").asText());
        assertEquals("client needs to perform second-factor authentication", challenge.at("/data/messages").asText());
        assertEquals("hmac_totp", challenge.at("/data/multi_factor_request/provider_name").asText());
        assertEquals("east-user@demo", challenge.at("/data/multi_factor_request/settings/jid").asText());
        assertEquals(8, challenge.at("/data/multi_factor_request/settings/digits").asInt());
        assertFalse(challenge.body().contains(SECRET) || challenge.body().contains(SEED), challenge.body());
    }

    @Test
    void aGoodTokenGetsTheTokenOnceOnly() {
        KeycloakMetrics metrics = new KeycloakMetrics(keycloak);
        long passed = metrics.counter("kazoo_second_factor_total", "provider", "hmac_totp", "result", "passed");
        long reused = metrics.counter("kazoo_hmac_refusals_total", "reason", "reused");
        String token = TOKENS.generate("east-user@demo", Instant.now());
        Reply granted = login(token);
        assertEquals(200, granted.status(), granted.toString());
        assertTrue(granted.json().hasNonNull("access_token"));
        // read by the super admin, who belongs to no account: reading leaves no attempt behind
        JsonNode success = users.get("superadmin", "/realms/demo/kazoo/v2/accounts/" + east
                + "/security/attempts?page_size=1").at("/data/0");
        assertEquals("success", success.path("status").asText(), success.toString());
        assertEquals("authentication resulted in token creation", success.path("message").asText());

        Reply replayed = login(token);
        assertEquals(401, replayed.status(), replayed.toString());
        assertEquals("second-factor authentication failed", replayed.at("/error_description").asText());
        assertEquals("the token was already used", lastAttempt().path("message").asText());
        assertEquals(passed + 1, metrics.counter("kazoo_second_factor_total", "provider", "hmac_totp", "result", "passed"));
        assertEquals(reused + 1, metrics.counter("kazoo_hmac_refusals_total", "reason", "reused"));
    }

    private Reply userAuth(String response) {
        String extra = response == null ? "" : ",\"multi_factor_response\":\"" + response + "\"";
        return http.request("PUT", "/realms/demo/kazoo/v2/user_auth", "{\"data\":{\"username\":\"east-user\","
                + "\"password\":\"" + DEMO.password("east-user") + "\"" + extra + "}}");
    }

    /** Seed 000 steps 7-9 through Kazoo's own login endpoint: the challenge, then the retry with the response. */
    @Test
    void theChallengeAndTheRetryRunThroughUserAuthToo() {
        Reply challenge = userAuth(null);
        assertEquals(401, challenge.status(), challenge.toString());
        assertEquals("error", challenge.at("/status").asText());
        assertEquals("invalid_credentials", challenge.at("/message").asText(), "Kazoo's word, as on the wire");
        assertEquals("client needs to perform second-factor authentication", challenge.at("/data/message").asText());
        assertEquals("hmac_totp", challenge.at("/data/multi_factor_request/provider_name").asText());
        assertEquals("east-user@demo", challenge.at("/data/multi_factor_request/settings/jid").asText());
        assertFalse(challenge.body().contains(SECRET) || challenge.body().contains(SEED), challenge.body());

        Reply otherUsers = userAuth(TOKENS.generate("acme-user@demo", Instant.now()));
        assertEquals(401, otherUsers.status(), otherUsers.toString());
        assertEquals("the token's signature does not match", lastAttempt().path("message").asText());
        assertEquals("failed", lastAttempt().path("status").asText());

        String token = TOKENS.generate("east-user@demo", Instant.now());
        Reply granted = userAuth(token);
        assertEquals(200, granted.status(), granted.toString());
        assertEquals(east, granted.at("/data/account_id").asText());
        assertEquals("crossbar", KazooHttp.claims(granted.at("/auth_token").asText()).path("azp").asText());

        Reply replayed = userAuth(token);
        assertEquals(401, replayed.status(), replayed.toString());
        assertEquals("the token was already used", lastAttempt().path("message").asText());
    }

    @Test
    void inTheBrowserTheTokenFormFollowsThePassword() {
        FormBrowser browser = new FormBrowser(keycloak);
        FormBrowser.Page tokenPage = browser.logIn(browser.openLogin(), "east-user", DEMO.password("east-user"));
        assertEquals(200, tokenPage.status(), tokenPage.body());
        assertTrue(tokenPage.body().contains("kc-kazoo-hmac-token-form"), tokenPage.body());
        assertTrue(tokenPage.body().contains("east-user@demo"), "the page names the jid to sign for");

        FormBrowser.Page again = browser.submit(tokenPage, "kc-kazoo-hmac-token-form",
                Map.of("multi_factor_response", TOKENS.generate("acme-user@demo", Instant.now())));
        assertEquals(200, again.status(), again.body());
        assertTrue(again.body().contains("Second-factor authentication failed."), "refused, the form again");
        assertEquals("the token's signature does not match", lastAttempt().path("message").asText());

        FormBrowser.Page done = browser.submit(again, "kc-kazoo-hmac-token-form",
                Map.of("multi_factor_response", TOKENS.generate("east-user@demo", Instant.now())));
        assertEquals(302, done.status(), done.body());
        assertTrue(done.location().startsWith(FormBrowser.REDIRECT_URI) && done.location().contains("code="),
                done.location());
    }

    @Test
    void headlessChromiumLogsInWithPasswordThenToken() {
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            chromium.open(FormBrowser.loginUrl(keycloak.baseUrl()).toString());
            chromium.type("#username", "east-user");
            chromium.type("#password", DEMO.password("east-user"));
            chromium.click("#kc-login");
            chromium.waitFor("#kc-kazoo-hmac-token-form");
            assertTrue(chromium.page().contains("east-user@demo"));
            chromium.screenshot("hmac-token-page");

            chromium.type("#multi_factor_response", TOKENS.generate("east-user@demo", Instant.now(), "123"));
            chromium.click("#kc-login");
            // the old page has the same form: wait for the answer itself, not for the form
            chromium.waitUntil("a short nonce refused",
                    () -> chromium.page().contains("Second-factor authentication failed."));
            chromium.screenshot("hmac-token-refused");

            chromium.type("#multi_factor_response", TOKENS.generate("east-user@demo", Instant.now()));
            chromium.click("#kc-login");
            chromium.waitUntil("the redirect to the application",
                    () -> chromium.currentUrl().startsWith(FormBrowser.REDIRECT_URI));
            assertTrue(chromium.currentUrl().startsWith(FormBrowser.REDIRECT_URI)
                    && chromium.currentUrl().contains("code="), chromium.currentUrl());
        }
    }

    @Test
    void badTokensAreRefusedAndLoggedWithoutTheToken() {
        KeycloakMetrics metrics = new KeycloakMetrics(keycloak);
        Map<String, Long> refusals = new LinkedHashMap<>();
        for (String reason : List.of("bad_signature", "wrong_otp", "nonce_too_short", "malformed")) {
            refusals.put(reason, metrics.counter("kazoo_hmac_refusals_total", "reason", reason));
        }
        long failed = metrics.counter("kazoo_second_factor_total", "provider", "hmac_totp", "result", "failed");
        Instant now = Instant.now();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put(TOKENS.generate("acme-user@demo", now), "the token's signature does not match");
        bad.put(new HmacTokens(HmacTokenSettings.of("another-secret", SEED)).generate("east-user@demo", now),
                "the token's signature does not match");
        bad.put(TOKENS.generate("east-user@demo", now.minusSeconds(120)), "the token's one-time code is wrong or expired");
        bad.put(TOKENS.generate("east-user@demo", now, "123456"), "the token's nonce is too short");
        bad.put("not a token at all", "the token is not '<digits> <base64 signature>'");
        for (Map.Entry<String, String> token : bad.entrySet()) {
            Reply refused = login(token.getKey());
            assertEquals(401, refused.status(), token.getValue() + ": " + refused);
            JsonNode attempt = lastAttempt();
            assertEquals("multi_factor", attempt.path("auth_type").asText());
            assertEquals("failed", attempt.path("status").asText());
            assertEquals(token.getValue(), attempt.path("message").asText());
            JsonNode detail = users.get("acme-admin", "/realms/demo/kazoo/v2/accounts/" + east
                    + "/multi_factor/attempts/" + attempt.path("id").asText()).at("/data");
            assertFalse(detail.toString().contains(token.getKey()), "the token is not logged: " + detail);
        }
        Map<String, Long> counted = new LinkedHashMap<>();
        refusals.forEach((reason, before) -> counted.put(reason,
                metrics.counter("kazoo_hmac_refusals_total", "reason", reason) - before));
        assertEquals(Map.of("bad_signature", 2L, "wrong_otp", 1L, "nonce_too_short", 1L, "malformed", 1L), counted,
                "each refusal counted once, by reason");
        assertEquals(failed + 5, metrics.counter("kazoo_second_factor_total", "provider", "hmac_totp", "result", "failed"));
    }
}
