package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.KazooHttp.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * More than a thousand malformed requests over every endpoint, sent by a super admin so that each one gets past
 * authorization to the code that reads it: none is a 5xx, and none writes (no admin event, the documents unchanged).
 */
class MalformedRequestsIT extends DemoRealmIntegration {

    private static final String V2 = "/realms/demo/kazoo/v2";
    private static final String ACME = DEMO.accountId("Acme");
    private static final String EAST = DEMO.accountId("Acme East");

    private static final List<String> TIMES = List.of("created_from=abc", "created_to=9223372036854775807",
            "created_from=9300000000000000", "created_from=63000000000&created_to=62000000000", "created_to=-1");

    /** Endpoints that read a body: method and path. */
    private static final String[][] WRITES = {
            {"POST", "/accounts/" + EAST + "/security"}, {"PATCH", "/accounts/" + EAST + "/security"},
            {"PUT", "/accounts/" + EAST + "/security"}, {"PUT", "/multi_factor"}, {"POST", "/multi_factor/duo"},
            {"PATCH", "/multi_factor/duo"}, {"PUT", "/accounts/" + ACME + "/multi_factor"}, {"PUT", "/user_auth"},
            {"PUT", "/auth"}, {"POST", "/auth/tokeninfo"}, {"PUT", "/auth/callback"}, {"PUT", "/auth/authorize"},
            {"POST", "/auth/providers/duo"}, {"POST", "/auth/apps/no-such-app"}, {"PUT", "/auth/links/no-such-link"},
            {"PUT", "/accounts/" + EAST + "/auth"}, {"PUT", "/accounts/" + EAST + "/users/no-such-user/auth"},
            {"PUT", "/auth/keys/no-such-key"}, {"POST", "/security"},
    };

    private static List<String> bodies() {
        List<String> bodies = new ArrayList<>(List.of("", " ", "{", "}", "null", "true", "1", "\"x\"", "[]", "[{}]",
                "{\"data\":null}", "{\"data\":1}", "{\"data\":\"x\"}", "{\"data\":[]}", "{\"data\":{\"auth_modules\":1}}",
                "{\"data\":{\"auth_modules\":{\"cb_user_auth\":1}}}",
                "{\"data\":{\"auth_modules\":{\"cb_user_auth\":{\"token_auth_expiry_s\":\"x\"}}}}",
                "{\"data\":{\"auth_modules\":{\"cb_user_auth\":{\"token_auth_expiry_s\":-5}}}}",
                "{\"data\":{\"auth_modules\":{\"no_such_module\":{}}}}",
                "{\"data\":{\"auth_modules\":{\"cb_user_auth\":{\"multi_factor\":{\"account_id\":7}}}}}",
                "{\"data\":{\"name\":1,\"provider_name\":[]}}", "{\"data\":{\"settings\":\"x\"}}",
                "{\"data\":{\"provider_name\":\"hmac_totp\",\"settings\":{\"digits\":-1}}}",
                "{\"data\":{\"x\":1e999999}}", "{\"data\":{\"x\":\"\\ud800\"}}", "{\"action\":7}",
                "{\"data\":{\"username\":{},\"password\":[]}}", "{\"data\":{\"token\":123,\"provider\":null}}",
                "{\"data\":{\"enabled\":\"yes\",\"secret\":false}}", "{\"data\":{\"\u0000\":\"\u0000\"}}",
                "{\"data\":" + "[".repeat(1001) + "]".repeat(1001) + "}",
                "{\"data\":{\"n\":" + "9".repeat(1001) + "}}",
                "{\"data\":{\"name\":\"" + "x".repeat(70_000) + "\"}}",
                "{\"data\":{\"name\":\"" + "n".repeat(300) + "\",\"provider_name\":\"hmac_totp\",\"settings\":{"
                        + "\"token_secret\":\"s\",\"otp_seed\":\"XVGR73KMZH2M4XMY\"}}}",
                "{\"data\":{\"name\":\"Long secret\",\"provider_name\":\"hmac_totp\",\"settings\":{"
                        + "\"token_secret\":\"" + "s".repeat(5000) + "\",\"otp_seed\":\"XVGR73KMZH2M4XMY\"}}}"));
        return bodies;
    }

    /** Paging every listing cannot take. */
    private static final String[] PAGING = {"page_size=0", "page_size=-1", "page_size=abc", "page_size=99999999999",
            "page_size=1.5", "start_key=%00", "start_key=" + "k".repeat(3000), "start_key=no-such-row"};

    /** Listings, each with the query strings it cannot take beside the paging. */
    private static final Map<String, List<String>> LISTINGS = Map.of(
            "/accounts/" + EAST + "/security/attempts", TIMES, "/accounts/" + EAST + "/multi_factor/attempts", TIMES,
            "/multi_factor", List.of(), "/auth/providers", List.of(),
            "/auth/apps", List.of("account_id=%2e%2e", "account_id=" + "a".repeat(2000), "account_id=no-such-account"),
            "/auth/links", List.of());

    /** Ids no row has, some of them hostile. */
    private static final String[] IDS = {"%00", "%2e%2e", "..%2f..%2f", "x".repeat(2000), "%ff%fe", "'%20OR%201=1",
            "%7B%7D", "-1"};

    private String[] superadmin() {
        return KazooHttp.bearer(users.token("superadmin"));
    }

    /** What the API's writes could change, read back whole. */
    private List<JsonNode> state() {
        List<JsonNode> state = new ArrayList<>();
        for (String path : new String[]{"/security", "/accounts/" + EAST + "/security", "/accounts/" + ACME
                + "/security", "/multi_factor", "/multi_factor/duo", "/accounts/" + ACME + "/multi_factor",
                "/auth/providers", "/auth/apps"}) {
            Reply reply = http.get(V2 + path, superadmin());
            assertEquals(200, reply.status(), path + ": " + reply);
            state.add(reply.at("/data"));
        }
        return state;
    }

    private int kazooAdminEvents() {
        int count = 0;
        for (JsonNode event : keycloakAdmin.adminEvents("max=100000")) {
            count += event.path("resourceType").asText().equals("KAZOO") ? 1 : 0;
        }
        return count;
    }

    @Test
    void malformedRequestsAreNever5xxAndNeverWrite() {
        List<JsonNode> before = state();
        int eventsBefore = kazooAdminEvents();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String[] write : WRITES) {
            for (String body : bodies()) {
                for (String type : new String[]{"application/json", "text/plain"}) {
                    String[] headers = {superadmin()[0], superadmin()[1], "Content-Type", type};
                    sent += check(failures, http.request(write[0], V2 + write[1], body, headers), write[0] + " "
                            + write[1] + " (" + type + ") " + abbreviate(body));
                }
            }
        }
        for (Map.Entry<String, List<String>> listing : LISTINGS.entrySet()) {
            List<String> queries = new ArrayList<>(List.of(PAGING));
            queries.addAll(listing.getValue());
            for (String query : queries) {
                sent += check(failures, http.get(V2 + listing.getKey() + "?" + query, superadmin()), "GET "
                        + listing.getKey() + "?" + abbreviate(query));
            }
        }
        for (String id : IDS) {
            for (String path : new String[]{"/multi_factor/", "/accounts/" + ACME + "/multi_factor/", "/auth/providers/",
                    "/auth/apps/", "/auth/links/", "/auth/keys/", "/accounts/", "/accounts/" + EAST
                    + "/security/attempts/"}) {
                for (String method : new String[]{"GET", "POST", "PATCH", "DELETE"}) {
                    sent += check(failures, http.request(method, V2 + path + id, method.equals("GET")
                            || method.equals("DELETE") ? null : "{\"data\":{}}", superadmin()), method + " " + path
                            + abbreviate(id));
                }
            }
        }
        assertTrue(sent >= 1000, "sent " + sent);
        assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " answered 5xx or not in Kazoo's envelope:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        assertEquals(eventsBefore, kazooAdminEvents(), "no write happened");
        assertEquals(before, state(), "nothing changed");
    }

    /**
     * Anything but a 4xx is a failure, and so is a 4xx outside Kazoo's envelope, but for a method the path does not
     * have (405) and what Keycloak itself refuses before any provider sees it: a NUL in a query value, a path
     * with {@code %2e%2e} in it. Returns 1.
     */
    private static int check(List<String> failures, Reply reply, String what) {
        boolean envelope = reply.json() != null && reply.at("/status").asText().equals("error");
        boolean keycloaksOwn = reply.status() == 405
                || reply.status() == 400 && (reply.at("/error").asText().equals("Blocking invalid query parameter value")
                || reply.at("/error").asText().equals("missingNormalization"));
        if (reply.status() >= 500 || reply.status() < 400 || !envelope && !keycloaksOwn) {
            failures.add(reply.status() + " " + what + " -> " + abbreviate(reply.body()));
        }
        return 1;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "… (" + text.length() + " chars)";
    }
}
