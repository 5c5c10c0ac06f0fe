package org.kazooauth.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.kazooauth.testing.KazooHttp.Reply;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The demo realm's users as REST callers: their tokens (from the crossbar client) and requests made as them. */
public final class DemoUsers {

    /** Younger than the demo realm's 300 s access token lifespan, so a cached token is never sent expired. */
    private static final long REUSE_MILLIS = 200_000;

    private record Token(String value, long issuedAt) {
    }

    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private final KazooHttp http;
    private final DemoRealm realm = DemoRealm.load();

    public DemoUsers(KazooHttp http) {
        this.http = http;
    }

    public String token(String user) {
        return TOKENS.compute(user, (name, cached) -> cached != null
                && System.currentTimeMillis() - cached.issuedAt() < REUSE_MILLIS ? cached
                : new Token(http.passwordToken(DemoRealm.NAME, "crossbar", name, realm.password(name)),
                System.currentTimeMillis())).value();
    }

    /** Forgets every cached token, e.g. after a server restart. */
    public static void forgetTokens() {
        TOKENS.clear();
    }

    public Reply get(String user, String path) {
        return http.get(path, KazooHttp.bearer(token(user)));
    }

    /** A request as {@code user}, or anonymous when {@code user} is null. */
    public Reply send(String user, String method, String path, String jsonBody) {
        return user == null ? http.request(method, path, jsonBody)
                : http.request(method, path, jsonBody, KazooHttp.bearer(token(user)));
    }

    /**
     * Account {@code accountId}'s attempt whose {@code crossbar_request_id} is {@code requestId}, in full, as
     * {@code reader} reads it; null when there is none.
     */
    public JsonNode attemptOf(String reader, String accountId, String requestId) {
        String attempts = "/realms/demo/kazoo/v2/accounts/" + accountId + "/security/attempts";
        for (JsonNode row : get(reader, attempts + "?page_size=500").at("/data")) {
            JsonNode detail = get(reader, attempts + "/" + row.path("id").asText())
                    .at("/data");
            if (requestId.equals(detail.path("crossbar_request_id").asText())) {
                return detail;
            }
        }
        return null;
    }
}
