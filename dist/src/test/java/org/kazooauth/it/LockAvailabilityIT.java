package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kazooauth.testing.Agents;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.FormBrowser;
import org.kazooauth.testing.HeadlessChromium;
import org.kazooauth.testing.KazooHttp.Reply;
import org.kazooauth.testing.KeycloakMetrics;
import org.kazooauth.testing.Storm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lock is exact AND available (DESIGN §4): 64 logins of one account released together, on the real server,
 * with Kazoo's recommended bucket (175 tokens, 35 a failure). Good logins are never refused because others are
 * in flight; wrong ones are judged no more than the bucket pays for; only recorded failures lock. Also the
 * retryable answers (503 busy, Kazoo's 429), the SSO cookie of a locked account and the known-device option.
 */
class LockAvailabilityIT extends DemoRealmIntegration {

    private static final String EAST = DEMO.accountId("Acme East");
    private static final String LOGIN_LOCK = "/realms/demo/kazoo/v2/accounts/" + EAST + "/security/login_lock";
    private static final String ENABLED = "kazoo.crossbar.auth.lock_account_on_failed_attempts";
    private static final int AGENTS = 32;
    private static final String AGENT_PASSWORD = Agents.PASSWORD;
    private static Agents agents;

    @BeforeEach
    void createAgentsOnce() {
        if (agents == null) {
            agents = Agents.create(http, keycloak, AGENTS);
        }
    }

    @AfterAll
    static void removeAgents() {
        agents.close();
        agents = null;
    }

    @AfterEach
    void unlockEast() {
        users.send("superadmin", "DELETE", LOGIN_LOCK, null);
    }

    private static String agent(int i) {
        return Agents.name(i);
    }

    private Callable<Reply> login(String username, String password) {
        return () -> http.passwordGrant("demo", "crossbar", username, password);
    }

    private static long count(List<Reply> replies, int status) {
        return replies.stream().filter(reply -> reply.status() == status).count();
    }

    private static boolean locked(Reply reply) {
        return reply.status() == 401 && reply.at("/message").asText().equals("account_is_locked");
    }

    private String lockStatus() {
        return users.get("superadmin", LOGIN_LOCK).at("/data/status").asText();
    }

    private long lockoutEvents() {
        return keycloakAdmin.events("type=USER_DISABLED_BY_TEMPORARY_LOCKOUT&max=1000").size();
    }

    @Test
    void sixtyFourGoodLoginsOfOneAccountAreNeverRefused() throws Exception {
        realmAttributes.with(Map.of(ENABLED, "true"), () -> {
            List<Callable<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(login(agent(i % AGENTS), AGENT_PASSWORD));
            }
            List<Reply> replies = Storm.run(calls);
            assertEquals(64, count(replies, 200), "different users of one account: " + refusals(replies));

            List<Callable<Reply>> sameUser = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                sameUser.add(login(agent(0), AGENT_PASSWORD));
            }
            replies = Storm.run(sameUser);
            assertEquals(64, count(replies, 200), "one user 64 times: " + refusals(replies));
            assertEquals("account is not locked", lockStatus());
            assertEquals(0, database.number("select count(*) from KAZOO_LOCK_BUCKET where ACCOUNT_ID = '" + EAST
                    + "' and (TOKENS <> 175 or IN_FLIGHT <> 0)"), "every reservation was given back");
        });
    }

    /**
     * PostgreSQL tells which transaction last wrote a row ({@code xmin}): the bucket's give-back and the login's own
     * {@code LOGIN} event are written by one, so a good login costs the lock one commit of its own (its reservation).
     */
    @Test
    @EnabledIfSystemProperty(named = "kazoo.it.db", matches = "postgres",
            disabledReason = "reads PostgreSQL's xmin, the transaction that wrote a row")
    void aGoodLoginGivesItsReservationBackInItsOwnTransaction() throws Exception {
        realmAttributes.with(Map.of(ENABLED, "true"), () -> {
            String username = agent(1);
            assertEquals(200, login(username, AGENT_PASSWORD).call().status());
            long loginTransaction = database.number("select xmin::text::bigint from EVENT_ENTITY where TYPE = 'LOGIN'"
                    + " and USER_ID = '" + keycloakAdmin.userId(username) + "' order by EVENT_TIME desc limit 1");
            long giveBackTransaction = database.number("select xmin::text::bigint from KAZOO_LOCK_BUCKET"
                    + " where BUCKET_KEY = 'account:" + EAST + "' and IN_FLIGHT = 0");
            assertEquals(loginTransaction, giveBackTransaction, "the give-back committed with the login");
        });
    }

    @Test
    void sixtyFourWrongPasswordsOverItsUsersAreJudgedNoMoreThanTheBucketPaysFor() throws Exception {
        realmAttributes.with(Map.of(ENABLED, "true"), () -> {
            long eventsBefore = lockoutEvents();
            List<Callable<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(login(agent(i % AGENTS), "not-the-password"));
            }
            List<Reply> replies = Storm.run(calls);
            assertEquals(175 / 35, count(replies, 400), "passwords judged (invalid_grant)");
            assertEquals(64 - 175 / 35, replies.stream().filter(LockAvailabilityIT::locked).count(),
                    refusals(replies));
            assertEquals(eventsBefore + 1, lockoutEvents(), "the lockout is news once");
            assertTrue(locked(http.passwordGrant("demo", "crossbar", agent(3), AGENT_PASSWORD)),
                    "the right password is refused until the unlock");
            assertEquals("account is unlocked", users.send("superadmin", "DELETE", LOGIN_LOCK, null)
                    .at("/data/status").asText());
            assertEquals(200, http.passwordGrant("demo", "crossbar", agent(3), AGENT_PASSWORD).status());
        });
    }

    @Test
    void aMixJudgesNothingBeyondTheBucketAndLocksNoGoodLoginBeforeItIsEmpty() throws Exception {
        realmAttributes.with(Map.of(ENABLED, "true"), () -> {
            List<Callable<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(login(agent(i % AGENTS), i % 2 == 0 ? AGENT_PASSWORD : "not-the-password"));
            }
            List<Reply> replies = Storm.run(calls);
            long wrongJudged = count(replies, 400);
            long locked = replies.stream().filter(LockAvailabilityIT::locked).count();
            assertTrue(wrongJudged <= 175 / 35, "wrong passwords judged: " + wrongJudged);
            assertEquals(64, count(replies, 200) + wrongJudged + locked, refusals(replies));
            assertEquals(wrongJudged == 175 / 35, locked > 0,
                    "refused as locked only once failures emptied the bucket: " + refusals(replies));
            long tokens = database.number("select TOKENS from KAZOO_LOCK_BUCKET where BUCKET_KEY = 'account:"
                    + EAST + "'");
            assertEquals(175 - 35 * wrongJudged, tokens, "every judged failure counted, nothing else");
        });
    }

    @Test
    void withoutRoomOrTimeToWaitALoginIsBusyNeverLocked() throws Exception {
        realmAttributes.with(Map.of(ENABLED, "true", "kazoo.crossbar.auth.lock_wait_ms", "0"), () -> {
            long eventsBefore = lockoutEvents();
            List<Callable<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(login(agent(i), AGENT_PASSWORD));
            }
            List<Reply> replies = Storm.run(calls);
            assertEquals(32, count(replies, 200) + count(replies, 503), refusals(replies));
            assertTrue(count(replies, 200) >= 5, "the room the bucket has is used");
            for (Reply busy : replies.stream().filter(reply -> reply.status() == 503).toList()) {
                assertEquals("temporarily_unavailable", busy.at("/error").asText(), busy.toString());
                assertEquals("login_busy", busy.at("/message").asText());
                assertEquals("1", busy.headers().firstValue("Retry-After").orElse(null));
            }
            assertEquals("account is not locked", lockStatus());
            assertEquals(eventsBefore, lockoutEvents(), "a busy answer is no lockout");
        });
    }

    @Test
    void kazoosRateLimitAnswers429PerAddressAndAccountBeforeTheLock() throws Exception {
        KeycloakMetrics metrics = new KeycloakMetrics(keycloak);
        long refused = metrics.counter("kazoo_rate_limit_refusals_total");
        realmAttributes.with(Map.of("kazoo.crossbar.rate_limit_logins", "true"), () -> {
            assertEquals(200, http.passwordGrant("demo", "crossbar", agent(1), AGENT_PASSWORD).status());
            assertEquals(200, http.passwordGrant("demo", "crossbar", agent(2), AGENT_PASSWORD).status());
            Reply third = http.passwordGrant("demo", "crossbar", agent(3), AGENT_PASSWORD);
            assertEquals(429, third.status(), "100 tokens pay two logins of 35; the third empties the bucket");
            assertEquals("too_many_requests", third.at("/message").asText());
            assertEquals("too many requests", third.at("/data/message").asText());
            assertTrue(third.headers().firstValue("Retry-After").isPresent());
            Reply kazoo = http.request("PUT", "/realms/demo/kazoo/v2/user_auth", "{\"data\":{\"username\":\""
                    + agent(4) + "\",\"password\":\"" + AGENT_PASSWORD + "\"}}");
            assertEquals(429, kazoo.status(), kazoo.toString());
            assertEquals("error", kazoo.at("/status").asText());
            assertEquals("too_many_requests", kazoo.at("/message").asText());
            assertTrue(kazoo.headers().firstValue("Retry-After").isPresent());
            assertEquals(200, http.passwordGrant("demo", "crossbar", "globex-admin",
                    DEMO.password("globex-admin")).status(), "another account has a bucket of its own");
            Thread.sleep(4_000);
            assertEquals(200, http.passwordGrant("demo", "crossbar", agent(5), AGENT_PASSWORD).status(),
                    "10 tokens a second came back");
        });
        assertEquals(200, http.passwordGrant("demo", "crossbar", agent(6), AGENT_PASSWORD).status(), "off again");
        assertEquals(refused + 2, metrics.counter("kazoo_rate_limit_refusals_total"));
    }

    @Test
    void anSsoCookieOfALockedAccountShowsTheLockedPage() throws Exception {
        realmAttributes.with(Map.of(ENABLED, "true"), () -> {
            FormBrowser browser = new FormBrowser(keycloak);
            assertEquals(302, browser.logIn(browser.openLogin(), agent(7), AGENT_PASSWORD).status());
            assertEquals(302, browser.openLogin().status(), "the cookie logs in without a form");
            lockEastFromElsewhere();
            FormBrowser.Page refused = browser.openLogin();
            assertEquals(401, refused.status(), refused.body());
            assertTrue(refused.body().contains("Your account is locked because of too many failed login attempts."));
        });
    }

    /** Five wrong passwords for one user of Acme East, from a client that is nobody's known device. */
    private void lockEastFromElsewhere() {
        for (int i = 0; i < 5; i++) {
            assertEquals(400, http.passwordGrant("demo", "crossbar", agent(8), "not-the-password").status());
        }
        assertEquals("account is locked", lockStatus());
    }

    @Test
    void aKnownDeviceStillLogsInWhenGuessesFromElsewhereLockTheAccount() throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put(ENABLED, "true");
        settings.put("kazoo.crossbar.auth.known_device_days", "30");
        realmAttributes.with(settings, () -> {
            try (HeadlessChromium chromium = new HeadlessChromium()) {
                logIn(chromium, agent(9));
                chromium.waitUntil("the application", () -> chromium.currentUrl().startsWith(FormBrowser.REDIRECT_URI));
                chromium.open(keycloak.baseUrl() + "/realms/demo/protocol/openid-connect/logout");
                chromium.click("#kc-logout");
                chromium.waitUntil("the logout", () -> !chromium.page().contains("kc-logout"));

                lockEastFromElsewhere();
                FormBrowser unknown = new FormBrowser(keycloak);
                FormBrowser.Page refused = unknown.logIn(unknown.openLogin(), agent(9), AGENT_PASSWORD);
                assertEquals(401, refused.status(), "an unknown device is refused: " + refused.body());

                logIn(chromium, agent(9));
                chromium.waitUntil("the application", () -> chromium.currentUrl().startsWith(FormBrowser.REDIRECT_URI));
                assertTrue(chromium.currentUrl().contains("code="), chromium.currentUrl());
            }
        });
    }

    private void logIn(HeadlessChromium chromium, String username) {
        chromium.open(FormBrowser.loginUrl(keycloak.baseUrl()).toString());
        chromium.type("#username", username);
        chromium.type("#password", AGENT_PASSWORD);
        chromium.click("#kc-login");
    }

    private static String refusals(List<Reply> replies) {
        Map<String, Integer> counted = new HashMap<>();
        for (Reply reply : replies) {
            JsonNode message = reply.at("/message");
            counted.merge(reply.status() + " " + (message.isMissingNode() ? reply.at("/error").asText() : message.asText()),
                    1, Integer::sum);
        }
        return counted.toString();
    }
}
