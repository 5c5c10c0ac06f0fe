package org.kazooauth.core.attempt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.kazooauth.core.api.KazooException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginAttemptTest {

    private static final Instant JULY_2017 = Instant.parse("2017-07-11T22:43:59Z");

    @Test
    void idsAreTheMonthThenThirtyTwoHexDigits() {
        String id = LoginAttemptIds.generate(JULY_2017);
        assertTrue(id.matches("201707-[0-9a-f]{32}"), id);
        assertTrue(LoginAttemptIds.isValid("201707-5e9c6dc29efb34d87c0a06e8f613b1fd"));
        assertFalse(LoginAttemptIds.isValid("201707-5E9C6DC29EFB34D87C0A06E8F613B1FD"));
        assertFalse(LoginAttemptIds.isValid("../../etc"));
        assertFalse(LoginAttemptIds.isValid(null));
    }

    @Test
    void timestampsAreKazoosGregorianSeconds() {
        assertEquals(63667032239L, LoginAttempt.gregorianSeconds(JULY_2017), "the seed's timestamp");
        assertEquals(JULY_2017, LoginAttempt.fromGregorianSeconds(63667032239L));
    }

    @Test
    void credentialsAndCookiesNeverReachTheLog() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer secret");
        headers.put("X-Auth-Token", "secret");
        headers.put("Cookie", "KEYCLOAK_SESSION=secret");
        headers.put("Proxy-Authorization", "Basic secret");
        headers.put("User-Agent", "curl/8");
        headers.put("X-Long", "x".repeat(2000));
        Map<String, String> kept = ClientHeaders.scrub(headers);
        assertEquals(List.of("user-agent", "x-long"), List.copyOf(kept.keySet()));
        assertEquals(ClientHeaders.MAX_VALUE, kept.get("x-long").length());
        assertFalse(kept.toString().contains("secret"));
    }

    @Test
    void theDocumentsHaveTheSeedsShape() {
        LoginAttempt attempt = new LoginAttempt("201707-5e9c6dc29efb34d87c0a06e8f613b1fd", "acct", "owner",
                "jwt_auth_token", "cb_user_auth", LoginAttempt.Status.SUCCESS,
                "authentication resulted in token creation", JULY_2017, "10.1.0.2",
                Map.of("user-agent", "Mozilla"), "a6edc00018ebd9c7c991fbddf3677fcb");
        ObjectNode summary = attempt.summary();
        assertEquals(List.of("id", "auth_type", "auth_module", "status", "message", "timestamp", "client_ip"),
                names(summary));
        assertEquals("success", summary.get("status").asText());
        assertEquals(63667032239L, summary.get("timestamp").asLong());

        ObjectNode detail = attempt.detail();
        assertEquals("Mozilla", detail.at("/client_headers/user-agent").asText());
        assertEquals("a6edc00018ebd9c7c991fbddf3677fcb", detail.get("crossbar_request_id").asText());
        assertEquals("owner", detail.at("/metadata/owner_id").asText());
        assertEquals("acct", detail.at("/metadata/account_id").asText());
        assertEquals(2, detail.get("metadata").size(), "metadata holds owner_id and account_id only");
    }

    @Test
    void theQueryDefaultsToTheLastMaximumRange() {
        Instant now = Instant.parse("2026-11-23T04:00:00Z");
        AttemptQuery query = AttemptQuery.parse(Map.of(), now);
        assertEquals(now, query.createdTo());
        assertEquals(now.minus(AttemptQuery.MAX_RANGE), query.createdFrom());
        assertEquals(org.kazooauth.core.api.Paging.DEFAULT_PAGE_SIZE, query.pageSize());
        assertEquals(Optional.empty(), query.startKey());

        AttemptQuery explicit = AttemptQuery.parse(Map.of("created_from", "63667032000", "created_to", "63667032239",
                "page_size", "2", "start_key", "201707-5e9c6dc29efb34d87c0a06e8f613b1fd"), now);
        assertEquals(JULY_2017, explicit.createdTo());
        assertEquals(2, explicit.pageSize());
        assertEquals(Optional.of("201707-5e9c6dc29efb34d87c0a06e8f613b1fd"), explicit.startKey());
    }

    @Test
    void badQueriesAreKazoo400s() {
        Instant now = Instant.parse("2026-11-23T04:00:00Z");
        JsonNode errors = errors(Map.of("created_from", "yesterday", "page_size", "many"), now);
        assertEquals(2, errors.size(), errors.toString());
        assertEquals("date_range", errors(Map.of("created_from", "63667032239", "created_to", "63667032000"), now)
                .path("created_from").fieldNames().next());
        assertTrue(errors(Map.of("created_from", "63000000000", "created_to", "63667032239"), now)
                .at("/created_from/date_range/message").asText().contains("2682000"));
        assertTrue(errors(Map.of("page_size", "0"), now).has("page_size"));
        assertTrue(errors(Map.of("page_size", "501"), now).has("page_size"));
        assertTrue(errors(Map.of("start_key", "' or 1=1 --"), now).has("start_key"));
    }

    private static JsonNode errors(Map<String, String> parameters, Instant now) {
        KazooException error = assertThrows(KazooException.class, () -> AttemptQuery.parse(parameters, now));
        assertEquals(400, error.status());
        return error.data();
    }

    private static List<String> names(ObjectNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
