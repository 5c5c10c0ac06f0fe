package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.KazooHttp.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI description as served: without a token, with this server's URLs of the realm, and every path it
 * describes answers on the real server (a Kazoo answer, never the "no such endpoint" 404 or a 405). Writes are
 * sent as a plain user with an empty body, so they are refused and change nothing.
 */
class OpenApiIT extends DemoRealmIntegration {

    private static final String DESCRIPTION = "/realms/demo/kazoo/v2/openapi.json";

    @Test
    void itIsServedWithoutATokenWithThisServersUrls() {
        Reply reply = http.get(DESCRIPTION);
        assertEquals(200, reply.status(), reply.toString());
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("3.1.0", reply.at("/openapi").asText());
        assertEquals(keycloak.baseUrl() + "/realms/demo/kazoo", reply.at("/servers/0/url").asText());
        assertEquals(keycloak.baseUrl() + "/admin/realms/demo/kazoo", reply.at("/servers/1/url").asText());
        assertTrue(reply.at("/info/version").asText().matches("\\d+\\.\\d+\\.\\d+.*"), reply.at("/info").toString());
    }

    @Test
    void everyDescribedPathAnswers() {
        JsonNode paths = http.get(DESCRIPTION).at("/paths");
        Map<String, String> ids = Map.of("{accountId}", DEMO.accountId("Acme East"), "{userId}", "no-such-user",
                "{configId}", "no-such-config", "{attemptId}", "no-such-attempt", "{keyId}", "no-such-key",
                "{id}", "no-such-id");
        String token = users.token("east-user");
        List<String> missing = new ArrayList<>();
        int calls = 0;
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
            String concrete = path.getKey();
            for (Map.Entry<String, String> id : ids.entrySet()) {
                concrete = concrete.replace(id.getKey(), id.getValue());
            }
            for (var operation : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                String method = operation.getKey().toUpperCase();
                Reply reply = http.request(method, "/realms/demo/kazoo" + concrete,
                        method.equals("GET") || method.equals("DELETE") ? null : "{}", "X-Auth-Token", token);
                calls++;
                boolean noRoute = reply.status() == 405 || reply.status() == 404
                        && reply.at("/data/message").asText().startsWith("no Kazoo endpoint");
                if (noRoute) {
                    missing.add(method + " " + path.getKey() + " -> " + reply);
                }
            }
        }
        assertTrue(calls >= 55, "every operation was called: " + calls);
        assertEquals(List.of(), missing);
    }
}
