package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kazooauth.testing.FormBrowser;
import org.kazooauth.testing.HeadlessChromium;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.KazooHttp.Reply;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merged account settings enforced on REAL logins through the demo realm's Kazoo flows: a disabled module
 * refuses the login (direct grant and browser), {@code token_auth_expiry_s} is the lifetime of the tokens
 * actually issued, and Kazoo's multi_factor rule decides who must pass a second factor (none is installed yet,
 * so the flow refuses: fail closed). Each test puts the accounts' config back as the demo realm has it.
 */
class LoginPolicyIT extends DemoRealmIntegration {

    private static final String ACME = "/realms/demo/kazoo/v2/accounts/" + DEMO.accountId("Acme") + "/security";
    private static final String EAST = "/realms/demo/kazoo/v2/accounts/" + DEMO.accountId("Acme East") + "/security";

    private Reply grant(String user) {
        return http.passwordGrant("demo", "crossbar", user, DEMO.password(user));
    }

    /** Runs {@code body} with {@code patch} applied to an account's config, then restores what was there. */
    private void withPatch(String accountSecurity, String patch, Runnable body) {
        JsonNode original = users.get("superadmin", accountSecurity).at("/data/account");
        assertEquals(200, users.send("superadmin", "PATCH", accountSecurity, "{\"data\":" + patch + "}").status());
        try {
            body.run();
        } finally {
            Reply restored = original.isEmpty()
                    ? users.send("superadmin", "DELETE", accountSecurity, null)
                    : users.send("superadmin", "POST", accountSecurity, "{\"data\":" + original + "}");
            assertEquals(200, restored.status(), restored.toString());
        }
    }

    private static long lifetime(Reply tokenResponse) {
        JsonNode claims = KazooHttp.claims(tokenResponse.json().path("access_token").asText());
        return claims.path("exp").asLong() - claims.path("iat").asLong();
    }

    @Test
    void aDisabledModuleRefusesThePasswordGrantWithKazoosWords() {
        assertEquals(200, grant("east-user").status());
        withPatch(EAST, "{\"auth_modules\":{\"cb_user_auth\":{\"enabled\":false}}}", () -> {
            Reply refused = grant("east-user");
            assertEquals(401, refused.status(), refused.toString());
            assertEquals("invalid_grant", refused.at("/error").asText());
            assertEquals("invalid credentials: authentication module cb_user_auth is disabled",
                    refused.at("/error_description").asText());
            assertTrue(refused.at("/access_token").isMissingNode());
            assertEquals(200, grant("acme-user").status(), "the parent account is not affected");

            Reply wrongPassword = http.passwordGrant("demo", "crossbar", "east-user", "not-the-password");
            assertEquals(400, wrongPassword.status(), "Keycloak's own invalid_grant: " + wrongPassword);
            assertFalse(wrongPassword.body().contains("cb_user_auth"), "nothing is told before the password is right");
        });
        assertEquals(200, grant("east-user").status(), "enabled again once the setting is gone");
    }

    @Test
    void aDisabledModuleRefusesTheBrowserLoginWithAThemedPage() {
        withPatch(ACME, "{\"auth_modules\":{\"cb_user_auth\":{\"enabled\":false}}}", () -> {
            FormBrowser browser = new FormBrowser(keycloak);
            FormBrowser.Page refused = browser.logIn(browser.openLogin(), "east-user", DEMO.password("east-user"));
            assertEquals(401, refused.status(), refused.body());
            assertTrue(refused.body().contains("Logging in this way is disabled for your account."), refused.body());

            FormBrowser other = new FormBrowser(keycloak);
            FormBrowser.Page allowed = other.logIn(other.openLogin(), "globex-admin", DEMO.password("globex-admin"));
            assertEquals(302, allowed.status(), allowed.body());
            assertTrue(allowed.location().startsWith(FormBrowser.REDIRECT_URI) && allowed.location().contains("code="),
                    allowed.location());
        });
    }

    @Test
    void headlessChromiumShowsTheDisabledModulePage() {
        withPatch(EAST, "{\"auth_modules\":{\"cb_user_auth\":{\"enabled\":false}}}", () -> {
            try (HeadlessChromium chromium = new HeadlessChromium()) {
                chromium.open(FormBrowser.loginUrl(keycloak.baseUrl()).toString());
                chromium.type("#username", "east-user");
                chromium.type("#password", DEMO.password("east-user"));
                chromium.click("#kc-login");
                chromium.waitUntil("the refusal page",
                        () -> chromium.page().contains("Logging in this way is disabled for your account."));
                chromium.screenshot("module-disabled");
            }
        });
    }

    @Test
    void tokenAuthExpiryIsTheLifetimeOfTheTokensIssued() {
        assertEquals(3600, lifetime(grant("globex-admin")), "the code default, without Keycloak's 300 s");
        withPatch(ACME, "{\"auth_modules\":{\"cb_user_auth\":{\"token_auth_expiry_s\":120}}}", () -> {
            Reply acme = grant("acme-user");
            assertEquals(120, lifetime(acme));
            assertTrue(acme.json().path("expires_in").asLong() <= 120 && acme.json().path("expires_in").asLong() > 100);
            assertEquals(120, lifetime(grant("east-user")), "inherited by the sub-account");
            assertEquals(3600, lifetime(grant("globex-admin")), "another tree keeps the default");
        });
        assertEquals(3600, lifetime(grant("acme-user")));
    }

    @Test
    void aRefreshedTokenLivesForTheRefreshModulesLifetime() {
        withPatch(ACME, "{\"auth_modules\":{\"cb_user_auth\":{\"token_auth_expiry_s\":200},"
                + "\"cb_auth\":{\"token_auth_expiry_s\":90}}}", () -> {
            Reply login = grant("acme-user");
            assertEquals(200, lifetime(login));
            Reply refreshed = http.form("/realms/demo/protocol/openid-connect/token", Map.of(
                    "grant_type", "refresh_token", "client_id", "crossbar",
                    "refresh_token", login.json().path("refresh_token").asText()));
            assertEquals(200, refreshed.status(), refreshed.toString());
            assertEquals(90, lifetime(refreshed));
        });
    }

    @Test
    void kazoosMultiFactorRuleDecidesWhoNeedsASecondFactor() {
        withPatch(EAST, "{\"auth_modules\":{\"cb_user_auth\":{\"multi_factor\":{\"enabled\":true}}}}", () -> {
            assertEquals(401, grant("east-user").status(), "required, and no factor is installed: refused");
            assertEquals(200, grant("acme-user").status(), "the parent's users are not concerned");
        });
        String acmeOnly = "{\"auth_modules\":{\"cb_user_auth\":{\"multi_factor\":{\"enabled\":true,"
                + "\"account_id\":\"" + DEMO.accountId("Acme") + "\"}}}}";
        withPatch(ACME, acmeOnly, () -> {
            assertEquals(401, grant("acme-user").status(), "Acme's own users");
            assertEquals(200, grant("east-user").status(), "not the sub-account's without include_subaccounts");
        });
        withPatch(ACME, acmeOnly.replace("\"enabled\":true,", "\"enabled\":true,\"include_subaccounts\":true,"), () -> {
            assertEquals(401, grant("acme-user").status());
            assertEquals(401, grant("east-user").status(), "include_subaccounts extends it to the sub-account");
            assertEquals(200, grant("globex-admin").status(), "another tree is not concerned");
        });
        assertEquals(200, grant("east-user").status());
    }
}
