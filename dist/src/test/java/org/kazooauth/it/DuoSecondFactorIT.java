package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.DuoEmulator;
import org.kazooauth.testing.FormBrowser;
import org.kazooauth.testing.HeadlessChromium;
import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.KazooHttp.Reply;
import org.kazooauth.testing.KeycloakMetrics;
import org.kazooauth.testing.MultiFactorSteps;
import org.kazooauth.testing.Storm;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Duo's Universal Prompt as the second factor of Acme and its sub-accounts, on the real server through the real
 * duo-universal-sdk, against {@link DuoEmulator} on loopback over HTTPS: REST clients through Kazoo's challenge
 * and retry (token endpoint and {@code PUT /v2/user_auth}), browsers in headless Chromium, and Duo going away.
 */
class DuoSecondFactorIT extends DemoRealmIntegration {

    private static final String ACME = DEMO.accountId("Acme");
    private static final String EAST = DEMO.accountId("Acme East");
    private static final String ACME_SECURITY = "/realms/demo/kazoo/v2/accounts/" + ACME + "/security";
    private static final String ACME_PROVIDERS = "/realms/demo/kazoo/v2/accounts/" + ACME + "/multi_factor";

    private static DuoEmulator duo;

    private MultiFactorSteps steps;
    private Map<String, JsonNode> stepsBefore;
    private JsonNode acmeSecurityBefore;
    private String configId;

    @BeforeAll
    static void startDuo() {
        duo = DuoEmulator.start();
    }

    @AfterAll
    static void stopDuo() {
        duo.close();
    }

    /** All through the super admin, who is in no account and so never meets the second factor. */
    @BeforeEach
    void requireDuoForAcmeAndItsSubAccounts() {
        steps = new MultiFactorSteps(http, keycloak);
        stepsBefore = steps.set(Map.of("duo_ca_pins", DuoEmulator.certificatePin(),
                "duo_health_check_cache_seconds", "0"));
        configId = users.send("superadmin", "PUT", ACME_PROVIDERS, "{\"data\":{\"name\":\"Acme Duo\",\"provider_name\":"
                + "\"duo\",\"settings\":{\"integration_key\":\"" + DuoEmulator.CLIENT_ID + "\",\"secret_key\":\""
                + DuoEmulator.CLIENT_SECRET + "\",\"api_hostname\":\"" + DuoEmulator.HOST + "\"}}}").at("/data/id").asText();
        acmeSecurityBefore = users.get("superadmin", ACME_SECURITY).at("/data/account");
        assertEquals(200, users.send("superadmin", "POST", ACME_SECURITY, "{\"data\":{\"auth_modules\":{"
                + "\"cb_api_auth\":" + acmeSecurityBefore.at("/auth_modules/cb_api_auth") + ",\"cb_user_auth\":"
                + "{\"multi_factor\":{\"enabled\":true,\"include_subaccounts\":true,\"account_id\":\"" + ACME
                + "\",\"configuration_id\":\"" + configId + "\"}}}}}").status());
    }

    @AfterEach
    void restore() {
        assertEquals(200, users.send("superadmin", "POST", ACME_SECURITY, "{\"data\":" + acmeSecurityBefore + "}")
                .status());
        users.send("superadmin", "DELETE", ACME_PROVIDERS + "/" + configId, null);
        steps.restore(stepsBefore);
        if (duo == null) {
            duo = DuoEmulator.start();
        }
    }

    private Reply tokenEndpoint(String user, String response) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "crossbar");
        form.put("username", user);
        form.put("password", DEMO.password(user));
        if (response != null) {
            form.put("multi_factor_response", response);
        }
        return http.form("/realms/demo/protocol/openid-connect/token", form);
    }

    private Reply userAuth(String user, JsonNode response) {
        return http.request("PUT", "/realms/demo/kazoo/v2/user_auth", "{\"data\":{\"username\":\"" + user
                + "\",\"password\":\"" + DEMO.password(user) + "\"" + (response == null ? ""
                : ",\"multi_factor_response\":" + response) + "}}");
    }

    /** Duo's answer as a REST client gets it: the challenge's auth_url approved at Duo, then Keycloak's page. */
    private JsonNode approvedAnswer(Reply challenge) {
        URI back = DuoEmulator.approve(challenge.at("/data/multi_factor_request/settings/auth_url").asText());
        assertTrue(back.toString().startsWith(keycloak.baseUrl() + "/realms/demo/kazoo/duo/callback?"), back.toString());
        Reply shown = http.get(back.getRawPath() + "?" + back.getRawQuery());
        assertEquals(200, shown.status(), shown.toString());
        return shown.at("/data/multi_factor_response");
    }

    private JsonNode lastAttempt(String account) {
        return users.get("superadmin", "/realms/demo/kazoo/v2/accounts/" + account + "/multi_factor/attempts"
                + "?page_size=1").at("/data/0");
    }

    @Test
    void theTokenEndpointChallengesThenTakesDuosAnswerOnce() {
        Reply challenge = tokenEndpoint("east-user", null);
        assertEquals(401, challenge.status(), challenge.toString());
        assertEquals("invalid_grant", challenge.at("/error").asText(), "OAuth clients still parse it");
        assertEquals("client needs to perform second-factor authentication", challenge.at("/data/message").asText());
        assertEquals("duo", challenge.at("/data/multi_factor_request/provider_name").asText());
        JsonNode settings = challenge.at("/data/multi_factor_request/settings");
        assertTrue(settings.path("auth_url").asText().startsWith("https://127.0.0.1/oauth/v1/authorize?"), settings.toString());
        assertEquals(36, settings.path("state").asText().length());
        assertEquals("127.0.0.1", settings.path("api_hostname").asText());
        assertFalse(challenge.body().contains(DuoEmulator.CLIENT_SECRET), "no secret in the challenge");

        JsonNode answer = approvedAnswer(challenge);
        assertEquals(settings.path("state").asText(), answer.path("state").asText());
        Reply granted = tokenEndpoint("east-user", answer.toString());
        assertEquals(200, granted.status(), granted.toString());
        assertEquals("east-user", KazooHttp.claims(granted.at("/access_token").asText()).path("preferred_username")
                .asText());
        JsonNode success = users.get("superadmin", "/realms/demo/kazoo/v2/accounts/" + EAST
                + "/security/attempts?page_size=1").at("/data/0");
        assertEquals("success", success.path("status").asText(), success.toString());

        Reply replayed = tokenEndpoint("east-user", answer.toString());
        assertEquals(401, replayed.status(), replayed.toString());
        assertEquals("second-factor authentication failed", replayed.at("/error_description").asText());
        assertEquals("the Duo state is unknown, expired or already used", lastAttempt(EAST).path("message").asText());
        assertEquals("failed", lastAttempt(EAST).path("status").asText());
    }

    /**
     * An administrator's mistake never locks users out: a config the SDK refuses, met while Duo's answer is being
     * judged (it broke between the hand-off and the answer), gives the lock its reservation back. Six of them would
     * have emptied Kazoo's recommended bucket when the cost was kept.
     */
    @Test
    void aBrokenConfigMetWhileJudgingNeverDrainsTheLock() throws Exception {
        String eastLock = "/realms/demo/kazoo/v2/accounts/" + EAST + "/security/login_lock";
        String config = ACME_PROVIDERS + "/" + configId;
        realmAttributes.with(Map.of("kazoo.crossbar.auth.lock_account_on_failed_attempts", "true"), () -> {
            try {
                for (int round = 1; round <= 6; round++) {
                    Reply challenge = tokenEndpoint("east-user", null);
                    assertEquals(401, challenge.status(), challenge.toString());
                    JsonNode answer = approvedAnswer(challenge);
                    assertEquals(200, users.send("superadmin", "PATCH", config,
                            "{\"data\":{\"settings\":{\"integration_key\":\"not-a-duo-client-id\"}}}").status());
                    Reply refused = tokenEndpoint("east-user", answer.toString());
                    assertEquals(401, refused.status(), refused.toString());
                    assertTrue(recentLoginErrors().contains("kazoo_multi_factor_misconfigured"), "round " + round);
                    assertEquals(200, users.send("superadmin", "PATCH", config, "{\"data\":{\"settings\":{"
                            + "\"integration_key\":\"" + DuoEmulator.CLIENT_ID + "\"}}}").status());
                }
                assertEquals("account is not locked", users.get("superadmin", eastLock).at("/data/status").asText());
                assertEquals(0, database.number("select count(*) from KAZOO_LOCK_BUCKET where ACCOUNT_ID = '" + EAST
                        + "' and (TOKENS < 175 or IN_FLIGHT > 0)"), "no reservation kept, nothing paid");
            } finally {
                users.send("superadmin", "DELETE", eastLock, null);
            }
        });
    }

    /**
     * Keycloak's OTP form offered beside Duo is the Kazoo variant: each wrong code pays into the lock like a wrong
     * password, and once the bucket is empty no code is looked at.
     */
    @Test
    void wrongOtpCodesBesideDuoPayIntoTheLock() throws Exception {
        String eastLock = "/realms/demo/kazoo/v2/accounts/" + EAST + "/security/login_lock";
        realmAttributes.with(Map.of("kazoo.crossbar.auth.lock_account_on_failed_attempts", "true"), () -> {
            try {
                FormBrowser browser = new FormBrowser(keycloak);
                FormBrowser.Page page = browser.logIn(browser.openLogin(), "east-otp-user", DEMO.password("east-otp-user"));
                for (int guess = 1; guess <= 5; guess++) {
                    assertTrue(page.body().contains("kc-otp-login-form"), "guess " + guess + ": " + page.body());
                    page = browser.submit(page, "kc-otp-login-form", Map.of("otp", "000000"));
                }
                assertEquals("account is locked", users.get("superadmin", eastLock).at("/data/status").asText());
                FormBrowser.Page locked = browser.submit(page, "kc-otp-login-form", Map.of("otp", "000000"));
                assertEquals(401, locked.status(), locked.body());
                assertTrue(locked.body().contains("Your account is locked because of too many failed login attempts."));
            } finally {
                users.send("superadmin", "DELETE", eastLock, null);
            }
        });
    }

    /** The errors of the newest login errors (Keycloak adds its own after a step's). */
    private String recentLoginErrors() {
        return keycloakAdmin.events("type=LOGIN_ERROR&max=3").findValuesAsText("error").toString();
    }

    /** Seed 000 steps 7-9 through Kazoo's own login: the challenge, Duo, then the retry with Duo's answer. */
    @Test
    void userAuthRunsTheSameRoundTrip() {
        Reply challenge = userAuth("east-user", null);
        assertEquals(401, challenge.status(), challenge.toString());
        assertEquals("invalid_credentials", challenge.at("/message").asText());
        assertEquals("client needs to perform second-factor authentication", challenge.at("/data/messages").asText());
        assertEquals("duo", challenge.at("/data/multi_factor_request/provider_name").asText());

        Reply granted = userAuth("east-user", approvedAnswer(challenge));
        assertEquals(200, granted.status(), granted.toString());
        assertEquals("success", granted.at("/status").asText());
        assertEquals(EAST, granted.at("/data/account_id").asText());
        assertEquals("crossbar", KazooHttp.claims(granted.at("/auth_token").asText()).path("azp").asText());
    }

    /** Within the step's health check cache, a node asks Duo once; with 0 it asks before every hand-off. */
    @Test
    void healthChecksAreRememberedForTheConfiguredTime() {
        int before = duo.healthChecks();
        tokenEndpoint("east-user", null);
        tokenEndpoint("east-user", null);
        assertEquals(before + 2, duo.healthChecks(), "cache 0: every hand-off asks");

        Map<String, JsonNode> uncached = steps.set(Map.of("duo_health_check_cache_seconds", "300"));
        try {
            int cached = duo.healthChecks();
            for (int login = 0; login < 3; login++) {
                assertEquals(401, tokenEndpoint("east-user", null).status(), "challenged");
            }
            assertTrue(duo.healthChecks() <= cached + 1, "one check at most for three hand-offs");
        } finally {
            steps.restore(uncached);
        }
        int after = duo.healthChecks();
        tokenEndpoint("east-user", null);
        assertEquals(after + 1, duo.healthChecks(), "a result is only as old as the option now allows");
    }

    /** The step's Duo username attribute: Duo is asked about the user's email, and the exchange holds Duo to it. */
    @Test
    void theDuoUsernameMayComeFromAUserAttribute() {
        Map<String, JsonNode> before = steps.set(Map.of("duo_username_attribute", "email"));
        try {
            Reply challenge = userAuth("east-user", null);
            JsonNode answer = approvedAnswer(challenge);
            assertEquals("east-user@demo.kazooauth.invalid", duo.lastPromptedUsername());
            assertEquals(200, userAuth("east-user", answer).status());
        } finally {
            steps.restore(before);
        }
        approvedAnswer(userAuth("east-user", null));
        assertEquals("east-user", duo.lastPromptedUsername(), "without it, the Keycloak username");
    }

    @Test
    void anotherUsersForgedOrDeniedAnswerIsRefusedAndLogged() {
        JsonNode eastsAnswer = approvedAnswer(userAuth("east-user", null));
        Reply stolen = userAuth("acme-user", eastsAnswer);
        assertEquals(401, stolen.status(), stolen.toString());
        assertEquals("the Duo state was issued to another user", lastAttempt(ACME).path("message").asText());
        Reply afterTheft = userAuth("east-user", eastsAnswer);
        assertEquals(401, afterTheft.status(), "the state was spent by the refused attempt: " + afterTheft);

        Reply forged = userAuth("acme-user", KazooHttp.JSON.createObjectNode().put("duo_code", "0123")
                .put("state", "a".repeat(36)));
        assertEquals(401, forged.status(), forged.toString());
        assertEquals("the Duo state is unknown, expired or already used", lastAttempt(ACME).path("message").asText());

        URI denied = DuoEmulator.deny(userAuth("acme-user", null)
                .at("/data/multi_factor_request/settings/auth_url").asText());
        Reply refused = userAuth("acme-user", KazooHttp.JSON.valueToTree(DuoEmulator.query(denied)));
        assertEquals(401, refused.status(), refused.toString());
        assertEquals("Duo denied the authentication (deny: Login denied by the user)",
                lastAttempt(ACME).path("message").asText());

        JsonNode fakeCode = approvedAnswer(userAuth("acme-user", null)).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) fakeCode).put("duo_code", "not-the-code-duo-gave");
        Reply wrongCode = userAuth("acme-user", fakeCode);
        assertEquals(401, wrongCode.status(), wrongCode.toString());
        assertTrue(lastAttempt(ACME).path("message").asText().startsWith("Duo did not confirm the code:"),
                lastAttempt(ACME).toString());
        assertFalse(lastAttempt(ACME).toString().contains("not-the-code-duo-gave"), "the code is not logged");
    }

    @Test
    void headlessChromiumApprovesAtDuoAndIsLoggedIn() {
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            logIn(chromium, "east-user");
            chromium.waitUntil("Duo's prompt", () -> chromium.currentUrl().startsWith("https://127.0.0.1/oauth/v1/authorize"));
            assertTrue(chromium.page().contains("east-user"), "Duo is asked about the user Keycloak authenticated");
            chromium.screenshot("duo-prompt");
            chromium.click("#approve");
            chromium.waitUntil("the redirect to the application",
                    () -> chromium.currentUrl().startsWith(FormBrowser.REDIRECT_URI));
            assertTrue(chromium.currentUrl().contains("code="), chromium.currentUrl());
        }
    }

    @Test
    void headlessChromiumDeniedAtDuoSeesWhy() {
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            logIn(chromium, "east-user");
            chromium.waitUntil("Duo's prompt", () -> chromium.currentUrl().startsWith("https://127.0.0.1/oauth/v1/authorize"));
            chromium.click("#deny");
            chromium.waitUntil("Keycloak's refusal",
                    () -> chromium.page().contains("Duo did not confirm that it is you"));
            chromium.waitFor("#kazoo-try-again");
            chromium.screenshot("duo-denied");
            assertFalse(chromium.currentUrl().startsWith(FormBrowser.REDIRECT_URI));
        }
        assertEquals("Duo denied the authentication (deny: Login denied by the user)",
                lastAttempt(EAST).path("message").asText());
    }

    /**
     * Duo as an ALTERNATIVE beside Keycloak's OTP: east-otp-user has an OTP credential, so Keycloak offers OTP
     * first; the user tries another way, picks Duo, and Duo's redirect lands back in the flow where it was (the
     * choice survives the round trip). With a choice on offer the hand-off waits for the user.
     */
    @Test
    void asAnAlternativeTheUserMayTryAnotherWayToDuo() {
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            logIn(chromium, "east-otp-user");
            chromium.waitFor("#otp");
            chromium.click("#try-another-way");
            chromium.waitUntil("the choice of second factors", () -> chromium.page().contains("Duo or token")
                    && chromium.page().contains("Authenticator Application"));
            chromium.screenshot("duo-or-otp-choice");
            String choices = chromium.page();
            int duo = choices.indexOf("Duo or token") < choices.indexOf("Authenticator Application") ? 1 : 2;
            // the choice is a clickable div: role=button since 26.7, onclick on every version
            chromium.click("li:nth-of-type(" + duo + ") div[onclick]");

            chromium.waitFor("#kazoo-duo-continue");
            chromium.waitFor("#try-another-way");
            assertFalse(chromium.page().contains("http-equiv=\"refresh\""), "with a choice, no automatic hand-off");
            chromium.screenshot("duo-hand-off");
            chromium.click("#kazoo-duo-continue");
            chromium.waitUntil("Duo's prompt", () -> chromium.currentUrl().startsWith("https://127.0.0.1/oauth/v1/authorize"));
            chromium.click("#approve");
            chromium.waitUntil("the redirect to the application",
                    () -> chromium.currentUrl().startsWith(FormBrowser.REDIRECT_URI));
            assertTrue(chromium.currentUrl().contains("code="), chromium.currentUrl());
        }
    }

    @Test
    void withDuoDownTheLoginFailsClosedAndOpensOnlyWhenConfigured() {
        KeycloakMetrics metrics = new KeycloakMetrics(keycloak);
        long healthFailures = metrics.counter("kazoo_duo_health_check_failures_total");
        long unavailable = metrics.counter("kazoo_second_factor_total", "provider", "duo", "result", "unavailable");
        long failedOpen = metrics.counter("kazoo_second_factor_total", "provider", "duo", "result", "failed_open");
        duo.close();
        duo = null;
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            logIn(chromium, "east-user");
            chromium.waitUntil("the refusal", () -> chromium.page().contains(
                    "Second-factor authentication is not available for your account right now"));
            chromium.screenshot("duo-down-fail-closed");
            assertTrue(lastAttempt(EAST).path("message").asText().startsWith("Duo's health check failed"),
                    lastAttempt(EAST).toString());
        }
        assertEquals(401, tokenEndpoint("east-user", null).status(), "REST clients are refused too");

        Map<String, JsonNode> closed = steps.set(Map.of("duo_fail_mode", "open"));
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            logIn(chromium, "east-user");
            chromium.waitUntil("the redirect to the application",
                    () -> chromium.currentUrl().startsWith(FormBrowser.REDIRECT_URI));
            JsonNode attempt = lastAttempt(EAST);
            assertEquals("failed", attempt.path("status").asText());
            assertTrue(attempt.path("message").asText().endsWith("the login went on without it (fail mode open)"),
                    attempt.toString());
            assertEquals(200, tokenEndpoint("east-user", null).status(), "and so do REST clients");
        } finally {
            steps.restore(closed);
        }
        assertTrue(metrics.counter("kazoo_duo_health_check_failures_total") > healthFailures);
        assertEquals(unavailable + 2, metrics.counter("kazoo_second_factor_total", "provider", "duo", "result",
                "unavailable"), "the browser's and the REST client's refusals");
        assertEquals(failedOpen + 2, metrics.counter("kazoo_second_factor_total", "provider", "duo", "result",
                "failed_open"));
    }

    /**
     * 200 logins at once while Duo hangs: none waits longer than the step's timeout beyond what the same 200 logins
     * take this machine while Duo answers, and the node never holds more than its bounded pool of threads calling
     * Duo (an unbounded pool held one per login until OkHttp's own timeout).
     */
    @Test
    void twoHundredLoginsWhileDuoHangsAnswerInTimeOnABoundedPool() throws Exception {
        Map<String, JsonNode> quick = steps.set(Map.of("duo_timeout_ms", "1000"));
        try {
            long answering = slowestOf200Logins(401);
            duo.hang();
            long hanging = slowestOf200Logins(401);
            assertTrue(hanging < answering + 1000 + 2000, "the slowest login took " + hanging + " ms with Duo "
                    + "hanging, " + answering + " ms with Duo answering");
            long duoThreads = keycloak.threadsNamed("kazoo-duo-call");
            assertTrue(duoThreads <= 8, duoThreads + " threads still calling Duo");
        } finally {
            duo.answerAgain();
            steps.restore(quick);
        }
    }

    /** 200 logins of east-user released together, each answered {@code status}; the slowest one's milliseconds. */
    private long slowestOf200Logins(int status) throws Exception {
        List<Callable<long[]>> logins = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            logins.add(() -> {
                long start = System.nanoTime();
                int answered = tokenEndpoint("east-user", null).status();
                return new long[]{answered, (System.nanoTime() - start) / 1_000_000};
            });
        }
        List<long[]> answers = Storm.run(logins);
        assertTrue(answers.stream().allMatch(answer -> answer[0] == status), "every login answered " + status);
        return answers.stream().mapToLong(answer -> answer[1]).max().orElseThrow();
    }

    private void logIn(HeadlessChromium chromium, String user) {
        chromium.open(FormBrowser.loginUrl(keycloak.baseUrl()).toString());
        chromium.type("#username", user);
        chromium.type("#password", DEMO.password(user));
        chromium.click("#kc-login");
    }
}
