package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.FormBrowser;
import org.kazooauth.testing.HeadlessChromium;
import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.KazooHttp.Reply;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One gate on every token path (DESIGN §4): the account's settings hold on Keycloak's own grants too — refresh
 * ({@code cb_auth}), client credentials ({@code cb_api_auth}), token exchange and the device grant
 * ({@code cb_user_auth}: enabled, the lock, and a second factor the grant cannot ask for) — and an SSO cookie
 * from before the account asked for a second factor gets the second-factor page.
 */
class TokenGateIT extends DemoRealmIntegration {

    private static final String ACME = DEMO.accountId("Acme");
    private static final String EAST = DEMO.accountId("Acme East");
    private static final String TOKEN = "/realms/demo/protocol/openid-connect/token";
    private static final String LOCK_ENABLED = "kazoo.crossbar.auth.lock_account_on_failed_attempts";
    private static final String API_SECRET = "kazoo-api-secret";

    private String providerConfig;

    private String security(String account) {
        return "/realms/demo/kazoo/v2/accounts/" + account + "/security";
    }

    /** Sets an account's own auth modules (replacing what it had); {@link #restore} deletes them again. */
    private void setModules(String account, String modules) {
        Reply set = users.send("superadmin", "POST", security(account), "{\"data\":{\"auth_modules\":" + modules + "}}");
        assertEquals(200, set.status(), set.toString());
    }

    @AfterEach
    void restore() {
        users.send("superadmin", "DELETE", security(EAST), null);
        users.send("superadmin", "DELETE", "/realms/demo/kazoo/v2/accounts/" + EAST + "/security/login_lock", null);
        users.send("superadmin", "DELETE", "/realms/demo/kazoo/v2/accounts/" + ACME + "/security/login_lock", null);
        if (providerConfig != null) {
            users.send("superadmin", "DELETE", "/realms/demo/kazoo/v2/accounts/" + ACME + "/multi_factor/"
                    + providerConfig, null);
            providerConfig = null;
        }
    }

    /** Acme East asks for a second factor (HMAC-TOTP), from now on. */
    private void requireSecondFactorForEast() {
        providerConfig = users.send("superadmin", "PUT", "/realms/demo/kazoo/v2/accounts/" + ACME + "/multi_factor",
                "{\"data\":{\"name\":\"Acme tokens\",\"provider_name\":\"hmac_totp\",\"settings\":{\"token_secret\":"
                        + "\"JYXEX4IQOEYFYQ2S3MC5P4ZT4SDHYEA7\",\"otp_seed\":\"XVGR73KMZH2M4XMY\"}}}")
                .at("/data/id").asText();
        setModules(EAST, "{\"cb_user_auth\":{\"multi_factor\":{\"enabled\":true,\"include_subaccounts\":true,"
                + "\"account_id\":\"" + ACME + "\",\"configuration_id\":\"" + providerConfig + "\"}}}");
    }

    private void lockEast() {
        for (int i = 0; i < 5; i++) {
            assertEquals(400, http.passwordGrant("demo", "crossbar", "east-user", "not-the-password").status());
        }
    }

    /** Keycloak answers a refused grant 401, but 400 for client credentials. */
    private static void assertRefused(Reply reply, String why) {
        assertTrue(reply.status() == 401 || reply.status() == 400, reply.toString());
        assertEquals("invalid_grant", reply.at("/error").asText(), reply.toString());
        assertTrue(reply.at("/error_description").asText().contains(why), reply.toString());
        assertTrue(reply.at("/access_token").isMissingNode());
    }

    private static long lifetime(Reply granted) {
        JsonNode claims = KazooHttp.claims(granted.at("/access_token").asText());
        return claims.path("exp").asLong() - claims.path("iat").asLong();
    }

    private Reply refresh(String refreshToken) {
        return http.form(TOKEN, Map.of("grant_type", "refresh_token", "client_id", "crossbar",
                "refresh_token", refreshToken));
    }

    @Test
    void refreshObeysCbAuth() {
        Reply login = http.passwordGrant("demo", "crossbar", "east-user", DEMO.password("east-user"));
        assertEquals(200, login.status(), login.toString());
        setModules(EAST, "{\"cb_auth\":{\"token_auth_expiry_s\":600}}");
        Reply refreshed = refresh(login.at("/refresh_token").asText());
        assertEquals(200, refreshed.status(), refreshed.toString());
        assertEquals(600, lifetime(refreshed), "cb_auth's token_auth_expiry_s");

        setModules(EAST, "{\"cb_auth\":{\"enabled\":false}}");
        assertRefused(refresh(refreshed.at("/refresh_token").asText()), "authentication module cb_auth is disabled");
        Reply kazoo = http.request("PUT", "/realms/demo/kazoo/v2/auth", "{\"data\":{\"action\":\"refresh_token\"}}",
                "X-Auth-Token", login.at("/access_token").asText());
        assertEquals(401, kazoo.status(), kazoo.toString());
        assertEquals("invalid_credentials", kazoo.at("/message").asText());
    }

    private Reply clientCredentials(String secret) {
        return http.form(TOKEN, Map.of("grant_type", "client_credentials", "client_id", "kazoo-api",
                "client_secret", secret));
    }

    @Test
    void clientCredentialsObeyCbApiAuthAndTheLockOfTheServiceAccountsAccount() throws Exception {
        Reply granted = clientCredentials(API_SECRET);
        assertEquals(200, granted.status(), granted.toString());
        assertEquals(1800, lifetime(granted), "cb_api_auth's token_auth_expiry_s, inherited from Master Reseller");
        JsonNode attempts = users.get("superadmin", security(ACME) + "/attempts?page_size=20").at("/data");
        boolean logged = false;
        for (JsonNode attempt : attempts) {
            logged |= attempt.path("auth_module").asText().equals("cb_api_auth")
                    && attempt.path("auth_type").asText().equals("account_api_token")
                    && attempt.path("status").asText().equals("success");
        }
        assertTrue(logged, "the service account's login is in Acme's attempt log: " + attempts);

        realmAttributes.with(Map.of(LOCK_ENABLED, "true"), () -> {
            for (int i = 0; i < 5; i++) {
                assertEquals(401, clientCredentials("not-the-secret").status());
            }
            assertEquals("account is locked", users.get("superadmin", security(ACME) + "/login_lock")
                    .at("/data/status").asText(), "wrong secrets pay into Acme's lock");
            assertRefused(clientCredentials(API_SECRET), "your account is locked");
        });

        Reply before = users.get("superadmin", security(ACME));
        JsonNode own = before.at("/data/account");
        try {
            assertEquals(200, users.send("superadmin", "PATCH", security(ACME),
                    "{\"data\":{\"auth_modules\":{\"cb_api_auth\":{\"enabled\":false}}}}").status());
            assertRefused(clientCredentials(API_SECRET), "authentication module cb_api_auth is disabled");
        } finally {
            assertEquals(200, users.send("superadmin", "POST", security(ACME), "{\"data\":" + own + "}").status());
        }
        assertEquals(200, clientCredentials(API_SECRET).status());
    }

    private Reply exchange(String subjectToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        form.put("client_id", "kazoo-api");
        form.put("client_secret", API_SECRET);
        form.put("subject_token", subjectToken);
        form.put("subject_token_type", "urn:ietf:params:oauth:token-type:access_token");
        return http.form(TOKEN, form);
    }

    @Test
    void tokenExchangeObeysTheLockAndASecondFactorItCannotAskFor() throws Exception {
        String token = http.passwordToken("demo", "crossbar", "east-user", DEMO.password("east-user"));
        Reply exchanged = exchange(token);
        assertEquals(200, exchanged.status(), exchanged.toString());

        realmAttributes.with(Map.of(LOCK_ENABLED, "true"), () -> {
            lockEast();
            assertRefused(exchange(token), "your account is locked");
        });
        users.send("superadmin", "DELETE", "/realms/demo/kazoo/v2/accounts/" + EAST + "/security/login_lock", null);
        assertEquals(200, exchange(token).status());

        requireSecondFactorForEast();
        assertRefused(exchange(token), "asks for a second factor");
    }

    /** The device grant: the user approves the code in the browser (the Kazoo flow); the device polls. */
    private String approvedDeviceCode(String username) {
        Reply device = http.form("/realms/demo/protocol/openid-connect/auth/device", Map.of("client_id", "crossbar"));
        assertEquals(200, device.status(), device.toString());
        FormBrowser browser = new FormBrowser(keycloak);
        FormBrowser.Page page = follow(browser, browser.open(device.at("/verification_uri_complete").asText()));
        page = follow(browser, browser.logIn(page, username, DEMO.password(username)));
        if (page.body().contains("login-actions/consent")) {
            follow(browser, browser.submitTo(page, "login-actions/consent", Map.of("accept", "Yes")));
        }
        return device.at("/device_code").asText();
    }

    private static FormBrowser.Page follow(FormBrowser browser, FormBrowser.Page page) {
        for (int hop = 0; hop < 10 && page.status() / 100 == 3; hop++) {
            page = browser.open(page.location());
        }
        return page;
    }

    private Reply poll(String deviceCode) {
        return http.form(TOKEN, Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", "crossbar", "device_code", deviceCode));
    }

    @Test
    void theDeviceGrantObeysTheLockAndASecondFactorItsLoginDidNotPass() throws Exception {
        assertEquals(200, poll(approvedDeviceCode("east-user")).status());

        String locked = approvedDeviceCode("east-user");
        realmAttributes.with(Map.of(LOCK_ENABLED, "true"), () -> {
            lockEast();
            assertRefused(poll(locked), "your account is locked");
        });
        users.send("superadmin", "DELETE", "/realms/demo/kazoo/v2/accounts/" + EAST + "/security/login_lock", null);

        String beforeSecondFactor = approvedDeviceCode("east-user");
        requireSecondFactorForEast();
        assertRefused(poll(beforeSecondFactor), "asks for a second factor");
    }

    @Test
    void anSsoCookieFromBeforeTheAccountAskedForASecondFactorGetsTheSecondFactorPage() {
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            chromium.open(FormBrowser.loginUrl(keycloak.baseUrl()).toString());
            chromium.type("#username", "east-user");
            chromium.type("#password", DEMO.password("east-user"));
            chromium.click("#kc-login");
            chromium.waitUntil("the application", () -> chromium.currentUrl().startsWith(FormBrowser.REDIRECT_URI));

            requireSecondFactorForEast();
            chromium.open(FormBrowser.loginUrl(keycloak.baseUrl()).toString());
            chromium.waitFor("#kc-kazoo-hmac-token-form");
            chromium.screenshot("sso-cookie-asks-for-second-factor");
        }
    }
}
