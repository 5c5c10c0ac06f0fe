package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.DemoUsers;
import org.kazooauth.testing.FormBrowser;
import org.kazooauth.testing.HeadlessChromium;
import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.KazooHttp.Reply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kazooauth.testing.KazooAssertions.assertError;

/**
 * The failed-login lock (seed 002, DESIGN §4) on real logins: Kazoo's token bucket in the Keycloak database,
 * reserved before the password is judged, with the reseller's unlock. {@link LockAvailabilityIT} has the storms. Each test switches the lock on for itself;
 * the lock is off in the demo realm, as in Kazoo.
 */
class LoginLockIT extends DemoRealmIntegration {

    private static final String EAST = DEMO.accountId("Acme East");
    private static final String LOGIN_LOCK = "/realms/demo/kazoo/v2/accounts/" + EAST + "/security/login_lock";
    private static final String LOCKED_TEXT = "your account is locked because of too many failed login attempts";
    private static final String ENABLED = "kazoo.crossbar.auth.lock_account_on_failed_attempts";
    private static final String BUCKET = "kazoo.token_buckets.crossbar_auth_bucket.";

    private Reply wrongPassword() {
        return http.passwordGrant("demo", "crossbar", "east-user", "not-the-password");
    }

    private Reply rightPassword() {
        return http.passwordGrant("demo", "crossbar", "east-user", DEMO.password("east-user"));
    }

    private String lockStatus(String user) {
        Reply reply = users.get(user, LOGIN_LOCK);
        assertEquals(200, reply.status(), reply.toString());
        return reply.at("/data/status").asText();
    }

    private long eastBuckets() {
        return database.number("select count(*) from KAZOO_LOCK_BUCKET where ACCOUNT_ID = '" + EAST + "'");
    }

    private long eastBucketsNotFull() {
        return database.number("select count(*) from KAZOO_LOCK_BUCKET where ACCOUNT_ID = '" + EAST
                + "' and (TOKENS < 175 or IN_FLIGHT > 0)");
    }

    private static void assertLockedOut(Reply reply) {
        assertEquals(401, reply.status(), reply.toString());
        assertEquals("invalid_grant", reply.at("/error").asText(), "OAuth clients still parse it");
        assertEquals("account_is_locked", reply.at("/message").asText(), "Kazoo's error word");
        assertEquals(LOCKED_TEXT, reply.at("/data/message").asText());
        assertTrue(reply.at("/access_token").isMissingNode());
    }

    @AfterEach
    void unlockEast() {
        users.send("superadmin", "DELETE", LOGIN_LOCK, null);
    }

    @Test
    void theFifthWrongPasswordLocksAndOnlyTheResellersAdminsSeeAndLiftIt() throws Exception {
        realmAttributes.with(Map.of(ENABLED, "true"), () -> {
            for (int failure = 1; failure <= 4; failure++) {
                assertEquals(400, wrongPassword().status(), "failure " + failure + " is judged as usual");
            }
            assertEquals("account is not locked", lockStatus("reseller-admin"));
            assertEquals(400, wrongPassword().status(), "the fifth is judged too, and empties the bucket");
            assertEquals("account is locked", lockStatus("reseller-admin"));
            assertEquals("account is locked", lockStatus("superadmin"));
            assertLockedOut(rightPassword());

            assertError(users.get("acme-admin", LOGIN_LOCK), 403, "forbidden");
            assertError(users.get("other-reseller-admin", LOGIN_LOCK), 403, "forbidden");
            assertError(users.send("other-reseller-admin", "DELETE", LOGIN_LOCK, null), 403, "forbidden");
            assertError(users.send("acme-admin", "DELETE", LOGIN_LOCK, null), 403, "forbidden");
            assertEquals("account is locked", lockStatus("reseller-admin"), "refused unlocks changed nothing");

            Reply unlocked = users.send("reseller-admin", "DELETE", LOGIN_LOCK, null);
            assertEquals("account is unlocked", unlocked.at("/data/status").asText(), unlocked.toString());
            assertEquals(0, eastBucketsNotFull(), "an unlocked account's buckets are full again");
            assertEquals("account was not locked",
                    users.send("reseller-admin", "DELETE", LOGIN_LOCK, null).at("/data/status").asText());
            Reply allowed = rightPassword();
            assertEquals(200, allowed.status(), allowed.toString());
            assertEquals(0, eastBucketsNotFull(), "a good login gives its reservation back");

            String eastUser = KazooHttp.claims(allowed.json().path("access_token").asText()).path("sub").asText();
            assertLockAndUnlockEvents(eastUser);
            assertLockedAttemptLogged();
        });
    }

    private void assertLockAndUnlockEvents(String eastUser) {
        JsonNode locks = keycloakAdmin.events("type=USER_DISABLED_BY_TEMPORARY_LOCKOUT&user=" + eastUser);
        assertTrue(locks.size() >= 1, locks.toString());
        assertEquals("account:" + EAST, locks.get(0).path("details").path("kazoo_lock_bucket").asText(), locks.toString());
        assertEquals(EAST, locks.get(0).path("details").path("kazoo_account_id").asText());

        JsonNode unlocks = keycloakAdmin.adminEvents("resourceTypes=USER_LOGIN_FAILURE&operationTypes=DELETE");
        assertTrue(unlocks.size() >= 1, unlocks.toString());
        assertTrue(unlocks.get(0).path("resourcePath").asText().endsWith("accounts/" + EAST + "/security/login_lock"),
                unlocks.toString());
    }

    private void assertLockedAttemptLogged() {
        JsonNode attempts = users.get("superadmin", "/realms/demo/kazoo/v2/accounts/" + EAST + "/security/attempts")
                .at("/data");
        boolean logged = false;
        for (JsonNode attempt : attempts) {
            logged |= attempt.path("message").asText().equals(
                    "account is locked because of too many failed login attempts")
                    && attempt.path("status").asText().equals("failed");
        }
        assertTrue(logged, attempts.toString());
    }

    @Test
    void browserFailuresCountAndTheLockedLoginShowsTheThemedNotice() throws Exception {
        realmAttributes.with(Map.of(ENABLED, "true"), () -> {
            FormBrowser browser = new FormBrowser(keycloak);
            FormBrowser.Page page = browser.openLogin();
            for (int failure = 1; failure <= 5; failure++) {
                page = browser.logIn(page, "east-user", "not-the-password");
                assertEquals(200, page.status(), "failure " + failure + " shows the form again");
                assertTrue(page.body().contains("Invalid username or password."), page.body());
            }
            FormBrowser.Page locked = browser.logIn(page, "east-user", DEMO.password("east-user"));
            assertEquals(401, locked.status(), locked.body());
            assertTrue(locked.body().contains("Your account is locked because of too many failed login attempts."),
                    locked.body());

            try (HeadlessChromium chromium = new HeadlessChromium()) {
                chromium.open(FormBrowser.loginUrl(keycloak.baseUrl()).toString());
                chromium.type("#username", "east-user");
                chromium.type("#password", DEMO.password("east-user"));
                chromium.click("#kc-login");
                chromium.waitFor("#kazoo-account-locked");
                assertTrue(chromium.page().contains("Your account is locked because of too many failed login attempts."));
                chromium.screenshot("account-locked");
            }
        });
    }

    @Test
    void theBlockRefillsAndUnlocksByItself() throws Exception {
        Map<String, String> quick = new HashMap<>();
        quick.put(ENABLED, "true");
        quick.put(BUCKET + "max_bucket_tokens", "70");
        quick.put(BUCKET + "tokens_fill_rate", "70");
        quick.put(BUCKET + "tokens_fill_time", "4");
        realmAttributes.with(quick, () -> {
            long firstFailure = System.nanoTime();
            assertEquals(400, wrongPassword().status());
            assertEquals(400, wrongPassword().status());
            Reply refused = rightPassword();
            if (System.nanoTime() - firstFailure < 3_500_000_000L) {
                assertLockedOut(refused);
            }
            long deadline = System.nanoTime() + 15_000_000_000L;
            Reply answer = refused;
            while (answer.status() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(250);
                answer = rightPassword();
            }
            assertEquals(200, answer.status(), "unlocked by the refill, nobody lifted it: " + answer);
            assertTrue(System.nanoTime() - firstFailure >= 4_000_000_000L, "not before the fill time");
        });
    }

    @Test
    void parallelWrongPasswordsAreJudgedNoMoreThanTheBucketPaysFor() throws Exception {
        realmAttributes.with(Map.of(ENABLED, "true"), () -> {
            ExecutorService pool = Executors.newFixedThreadPool(64);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Reply>> attempts = new ArrayList<>();
                Callable<Reply> attempt = () -> {
                    start.await();
                    return wrongPassword();
                };
                for (int i = 0; i < 64; i++) {
                    attempts.add(pool.submit(attempt));
                }
                start.countDown();
                int judged = 0;
                int locked = 0;
                for (Future<Reply> future : attempts) {
                    Reply reply = future.get();
                    if (reply.status() == 400) {
                        judged++;
                    } else {
                        assertLockedOut(reply);
                        locked++;
                    }
                }
                assertEquals(175 / 35, judged, "exactly floor(max/cost) passwords were looked at");
                assertEquals(64 - 175 / 35, locked);
            } finally {
                pool.shutdownNow();
            }
            assertEquals("account is locked", lockStatus("superadmin"));
        });
    }

    @Test
    void theLockSurvivesARestart() throws Exception {
        realmAttributes.with(Map.of(ENABLED, "true"), () -> {
            for (int failure = 1; failure <= 5; failure++) {
                wrongPassword();
            }
            assertLockedOut(rightPassword());
            keycloak.restart();
            // Keycloak's own expiry task may still meet H2 closed by its exit hook; no thread of the pack may
            assertFalse(java.nio.file.Files.readAllLines(keycloak.log()).stream().anyMatch(line ->
                    line.contains(" ERROR ") && line.contains("(kazoo-")),
                    "shutting down, no task of the pack ran into a closed database");
            DemoUsers.forgetTokens();
            assertLockedOut(rightPassword());
            assertEquals("account is locked", lockStatus("reseller-admin"));
        });
    }

    @Test
    void switchedOffNoLoginWritesABucketAndNothingCountsLater() throws Exception {
        long bucketsBefore = database.number("select count(*) from KAZOO_LOCK_BUCKET");
        for (int failure = 1; failure <= 6; failure++) {
            assertEquals(400, wrongPassword().status());
        }
        assertEquals(200, rightPassword().status(), "no lock while it is off");
        FormBrowser browser = new FormBrowser(keycloak);
        assertEquals(302, browser.logIn(browser.openLogin(), "east-user", DEMO.password("east-user")).status());
        assertEquals(bucketsBefore, database.number("select count(*) from KAZOO_LOCK_BUCKET"), "not one write");

        realmAttributes.with(Map.of(ENABLED, "true"), () -> {
            for (int failure = 1; failure <= 4; failure++) {
                assertEquals(400, wrongPassword().status());
            }
            assertEquals("account is not locked", lockStatus("superadmin"), "failures while off never counted");
            assertEquals(1, eastBuckets(), "the account's bucket, partly spent");
        });
        assertFalse(users.get("superadmin", LOGIN_LOCK).at("/data/status").asText().equals("account is locked"));
    }
}
