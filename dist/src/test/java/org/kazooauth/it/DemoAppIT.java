package org.kazooauth.it;

import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoApp;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.HeadlessChromium;
import org.kazooauth.testing.HmacForAcmeEast;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo app {@code ./run.sh} serves, walked in headless Chromium as a newcomer would: sign in through the
 * Kazoo flow (password, then the HMAC-TOTP token page Acme East's second factor asks for), see who you are in
 * Kazoo's words, log out, and find yourself signed out at Keycloak too.
 */
class DemoAppIT extends DemoRealmIntegration {

    @Test
    void aUserSignsInWithASecondFactorSeesWhoTheyAreAndLogsOut() throws Exception {
        try (HmacForAcmeEast hmac = HmacForAcmeEast.switchOn(users, DEMO);
             DemoApp app = DemoApp.start(keycloak.baseUrl(), 0);
             HeadlessChromium chromium = new HeadlessChromium()) {
            chromium.open(app.url().toString());
            chromium.waitFor("#sign-in");
            chromium.click("#sign-in");
            chromium.waitFor("#username");
            assertTrue(chromium.currentUrl().contains("code_challenge_method=S256"), "PKCE: " + chromium.currentUrl());
            chromium.type("#username", "east-user");
            chromium.type("#password", DEMO.password("east-user"));
            chromium.click("#kc-login");
            chromium.waitFor("#multi_factor_response");
            chromium.type("#multi_factor_response", HmacForAcmeEast.TOKENS.generate("east-user@demo", Instant.now()));
            chromium.click("#kc-login");
            chromium.waitFor("#tokeninfo");
            chromium.screenshot("demo-app-signed-in");
            String page = chromium.page();
            assertTrue(page.contains("east-user") && page.contains("Acme East"), page);
            assertTrue(page.contains(DEMO.accountId("Acme East")), "Kazoo's auth response names the account");

            chromium.click("#log-out");
            chromium.waitFor("#sign-in");
            assertTrue(chromium.currentUrl().startsWith(app.url().toString()), "back at the app: "
                    + chromium.currentUrl());
            chromium.click("#sign-in");
            chromium.waitFor("#username");
            assertTrue(chromium.page().contains("kc-login"), "the Keycloak session ended: the login page again");
        }
    }
}
