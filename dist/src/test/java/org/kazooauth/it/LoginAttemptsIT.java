package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.FormBrowser;
import org.kazooauth.testing.KazooHttp.Reply;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kazooauth.testing.KazooAssertions.assertError;
import static org.kazooauth.testing.KazooAssertions.assertSuccess;

/**
 * The login-attempt log on the real server: real failed and successful logins recorded as Kazoo does (and as the
 * merged log_* settings say), with no secret in them, listed and paged Kazoo's way, fetched one by one, read only
 * by whoever may read the account, and purged after the realm's retention.
 */
class LoginAttemptsIT extends DemoRealmIntegration {

    private static final String ACME = DEMO.accountId("Acme");
    private static final String GLOBEX = DEMO.accountId("Globex");
    private static final long GREGORIAN_OFFSET = 62_167_219_200L;

    private static String attempts(String accountId) {
        return "/realms/demo/kazoo/v2/accounts/" + accountId + "/security/attempts";
    }

    /** A password grant sending a request id, and headers that must never be recorded. */
    private Reply postForm(String body, String requestId) {
        return http.request("POST", "/realms/demo/protocol/openid-connect/token", body,
                "Content-Type", "application/x-www-form-urlencoded", "X-Request-ID", requestId,
                "X-Auth-Token", "leaked-token-" + requestId, "Cookie", "KEYCLOAK_IDENTITY=leaked-cookie",
                "User-Agent", "kazoo-it");
    }

    private static String requestId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void realFailedAndSuccessfulLoginsAreRecordedWithoutSecrets() {
        String failedId = requestId();
        String succeededId = requestId();
        assertEquals(400, postForm("grant_type=password&client_id=crossbar&username=acme-user&password=Wrong-Secret-1",
                failedId).status());
        assertEquals(200, postForm("grant_type=password&client_id=crossbar&username=acme-user&password="
                + DEMO.password("acme-user"), succeededId).status());
        long now = Instant.now().getEpochSecond() + GREGORIAN_OFFSET;

        JsonNode failed = users.attemptOf("acme-admin", ACME, failedId);
        assertTrue(failed != null, "the failed login is recorded");
        assertEquals("failed", failed.path("status").asText());
        assertEquals("credentials", failed.path("auth_type").asText());
        assertEquals("cb_user_auth", failed.path("auth_module").asText());
        assertEquals("invalid credentials", failed.path("message").asText());
        assertTrue(Math.abs(now - failed.path("timestamp").asLong()) < 60, "Gregorian seconds: " + failed);
        assertEquals("127.0.0.1", failed.path("client_ip").asText());
        assertTrue(failed.path("id").asText().matches("\\d{6}-[0-9a-f]{32}"));

        JsonNode succeeded = users.attemptOf("acme-admin", ACME, succeededId);
        assertTrue(succeeded != null, "the successful login is recorded");
        assertEquals("success", succeeded.path("status").asText());
        assertEquals("jwt_auth_token", succeeded.path("auth_type").asText());
        assertEquals("authentication resulted in token creation", succeeded.path("message").asText());

        for (JsonNode attempt : List.of(failed, succeeded)) {
            assertEquals(Set.of("owner_id", "account_id"), names(attempt.path("metadata")));
            assertEquals(ACME, attempt.at("/metadata/account_id").asText());
            assertEquals("kazoo-it", attempt.at("/client_headers/user-agent").asText());
            String text = attempt.toString();
            for (String secret : List.of("leaked-token", "leaked-cookie", "Wrong-Secret-1", DEMO.password("acme-user"),
                    "x-auth-token", "cookie\"", "authorization")) {
                assertFalse(text.contains(secret), "no " + secret + " in " + text);
            }
        }
    }

    @Test
    void keycloaksOwnLoginEventCarriesTheKazooDetailsForOtherListeners() {
        String requestId = requestId();
        assertEquals(200, postForm("grant_type=password&client_id=crossbar&username=east-user&password="
                + DEMO.password("east-user"), requestId).status());
        String userId = users.attemptOf("east-user", DEMO.accountId("Acme East"), requestId).at("/metadata/owner_id")
                .asText();
        JsonNode events = keycloakAdmin.events("type=LOGIN&user=" + userId + "&max=1");
        JsonNode details = events.at("/0/details");
        assertEquals("cb_user_auth", details.path("kazoo_auth_module").asText(), events.toString());
        assertEquals(DEMO.accountId("Acme East"), details.path("kazoo_account_id").asText());
    }

    @Test
    void aWrongPasswordsLoginErrorCarriesTheKazooDetailsToo() {
        String requestId = requestId();
        assertEquals(400, postForm("grant_type=password&client_id=crossbar&username=acme-user&password=nope",
                requestId).status());
        String userId = users.attemptOf("acme-admin", ACME, requestId).at("/metadata/owner_id").asText();
        FormBrowser browser = new FormBrowser(keycloak);
        assertEquals(200, browser.logIn(browser.openLogin(), "acme-user", "also-wrong").status(), "the form again");

        JsonNode events = keycloakAdmin.events("type=LOGIN_ERROR&user=" + userId + "&max=2");
        assertEquals(2, events.size(), events.toString());
        for (JsonNode event : events) {
            assertEquals("invalid_user_credentials", event.path("error").asText());
            assertEquals("cb_user_auth", event.at("/details/kazoo_auth_module").asText(), event.toString());
            assertEquals(ACME, event.at("/details/kazoo_account_id").asText(), event.toString());
        }
    }

    @Test
    void listingsArePagedNewestFirst() {
        for (int i = 0; i < 3; i++) {
            postForm("grant_type=password&client_id=crossbar&username=globex-admin&password=wrong-" + i, requestId());
        }
        Reply first = users.get("globex-admin", attempts(GLOBEX) + "?page_size=2");
        assertSuccess(first, users.token("globex-admin"));
        assertEquals(2, first.at("/page_size").asInt());
        assertEquals(2, first.at("/data").size());
        String next = first.at("/next_start_key").asText();
        assertTrue(next.matches("\\d{6}-[0-9a-f]{32}"), first.toString());

        Reply second = users.get("globex-admin", attempts(GLOBEX) + "?page_size=2&start_key=" + next);
        assertEquals(next, second.at("/start_key").asText());
        assertEquals(next, second.at("/data/0/id").asText(), "the next page starts at next_start_key");

        List<JsonNode> rows = new ArrayList<>();
        first.at("/data").forEach(rows::add);
        second.at("/data").forEach(rows::add);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            assertTrue(ids.add(rows.get(i).path("id").asText()), "no row twice");
            if (i > 0) {
                assertTrue(rows.get(i - 1).path("timestamp").asLong() >= rows.get(i).path("timestamp").asLong(),
                        "newest first");
            }
            assertEquals(Set.of("id", "auth_type", "auth_module", "status", "message", "timestamp", "client_ip"),
                    names(rows.get(i)), "a listing row has the seed's fields");
        }

        long future = Instant.now().plus(Duration.ofDays(1)).getEpochSecond() + GREGORIAN_OFFSET;
        Reply empty = users.get("globex-admin", attempts(GLOBEX) + "?created_from=" + future + "&created_to="
                + (future + 60));
        assertEquals(0, empty.at("/data").size(), "created_from/created_to select the time range");
    }

    @Test
    void theMergedLogSettingsDecideWhatIsRecorded() {
        String security = "/realms/demo/kazoo/v2/accounts/" + GLOBEX + "/security";
        assertEquals(200, users.send("superadmin", "POST", security,
                "{\"data\":{\"auth_modules\":{\"cb_user_auth\":{\"log_successful_attempts\":false}}}}").status());
        try {
            String success = requestId();
            String failure = requestId();
            postForm("grant_type=password&client_id=crossbar&username=globex-admin&password="
                    + DEMO.password("globex-admin"), success);
            postForm("grant_type=password&client_id=crossbar&username=globex-admin&password=nope", failure);
            assertEquals(null, users.attemptOf("globex-admin", GLOBEX, success), "successes are not logged");
            assertTrue(users.attemptOf("globex-admin", GLOBEX, failure) != null, "failures still are");

            assertEquals(200, users.send("superadmin", "PATCH", security,
                    "{\"data\":{\"auth_modules\":{\"cb_user_auth\":{\"log_failed_attempts\":false}}}}").status());
            String quiet = requestId();
            postForm("grant_type=password&client_id=crossbar&username=globex-admin&password=nope", quiet);
            assertEquals(null, users.attemptOf("globex-admin", GLOBEX, quiet), "nor failures any more");
        } finally {
            users.send("superadmin", "DELETE", security, null);
        }
    }

    @Test
    void whoMayReadTheAttemptsAndBadIdentifiers() {
        postForm("grant_type=password&client_id=crossbar&username=acme-user&password=nope", requestId());
        String list = attempts(ACME);
        String someId = users.get("acme-admin", list).at("/data/0/id").asText();
        assertError(http.get(list), 401, "invalid credentials");                          // anonymous
        assertSuccess(users.get("acme-user", list), users.token("acme-user"));               // plain user of A
        assertSuccess(users.get("acme-admin", list), users.token("acme-admin"));             // admin of A
        assertSuccess(users.get("reseller-admin", list), users.token("reseller-admin"));     // admin of A's parent
        assertError(users.get("east-user", list), 403, "forbidden");                         // user of a sub-account
        assertError(users.get("globex-admin", list), 403, "forbidden");                      // unrelated account
        assertError(users.get("other-reseller-admin", list), 403, "forbidden");              // another tree's reseller
        assertSuccess(users.get("superadmin", list), users.token("superadmin"));             // super admin
        assertError(users.get("globex-admin", list + "/" + someId), 403, "forbidden");

        assertError(users.get("superadmin", attempts(GLOBEX) + "/" + someId), 404, "bad identifier");
        assertError(users.get("acme-admin", list + "/201707-00000000000000000000000000000000"), 404, "bad identifier");
        assertError(users.get("acme-admin", list + "/not-an-id"), 404, "bad identifier");
        assertError(users.get("acme-admin", list + "?page_size=zero"), 400, "validation failed");
        assertError(users.get("acme-admin", list + "?created_from=63667032239&created_to=63600000000"), 400,
                "validation failed");
    }

    @Test
    void attemptsOlderThanTheRealmsRetentionAreRemoved() throws Exception {
        String recorded = requestId();
        postForm("grant_type=password&client_id=crossbar&username=globex-admin&password=nope", recorded);
        assertTrue(users.attemptOf("globex-admin", GLOBEX, recorded) != null);

        realmAttributes.with(Map.of("kazoo.crossbar.auth.login_attempts_retention_days", "0"), () -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (users.attemptOf("globex-admin", GLOBEX, recorded) != null && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertEquals(null, users.attemptOf("globex-admin", GLOBEX, recorded), "purged once past the retention");
        });
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
