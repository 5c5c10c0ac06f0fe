package org.kazooauth.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain HTTP to the real server: tokens from the token endpoint, JSON requests and replies. */
public final class KazooHttp {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** A reply: its status, headers, raw body and the body as JSON ({@code null} when it is not JSON). */
    public record Reply(int status, HttpHeaders headers, String body, JsonNode json) {
        public JsonNode at(String pointer) {
            return json == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : json.at(pointer);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final URI base;
    /** HTTP/1.1, a connection per request in flight, as browsers and most API clients talk to Keycloak. */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public KazooHttp(RunningKeycloak keycloak) {
        this(keycloak.baseUrl());
    }

    public KazooHttp(URI base) {
        this.base = base;
    }

    /** An access token from the password grant of {@code realm}'s {@code clientId}. */
    public String passwordToken(String realm, String clientId, String username, String password) {
        Reply reply = passwordGrant(realm, clientId, username, password);
        if (reply.status() != 200) {
            throw new IllegalStateException("no token for " + username + " in realm " + realm + ": " + reply);
        }
        return reply.json().path("access_token").asText();
    }

    /** The token endpoint's answer to a password grant, whatever it is. */
    public Reply passwordGrant(String realm, String clientId, String username, String password) {
        return form("/realms/" + realm + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", clientId, "username", username, "password", password));
    }

    /** The claims of a JWT, read without checking its signature (the server under test made it). */
    public static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token of the master realm's bootstrap admin, for Keycloak's admin API. */
    public String adminToken(RunningKeycloak keycloak) {
        return adminToken(keycloak.adminUser(), keycloak.adminPassword());
    }

    public String adminToken(String adminUser, String adminPassword) {
        return passwordToken("master", "admin-cli", adminUser, adminPassword);
    }

    public Reply form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply get(String path, String... headerPairs) {
        return request("GET", path, null, headerPairs);
    }

    /** Any method, an optional body (JSON unless a Content-Type header says otherwise), headers as name/value pairs. */
    public Reply request(String method, String path, String jsonBody, String... headerPairs) {
        HttpRequest.Builder builder = withHeaders(HttpRequest.newBuilder(base.resolve(path))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody)), headerPairs);
        boolean typed = false;
        for (int i = 0; i < headerPairs.length; i += 2) {
            typed |= headerPairs[i].equalsIgnoreCase("Content-Type");
        }
        if (jsonBody != null && !typed) {
            builder.header("Content-Type", "application/json");
        }
        return send(builder);
    }

    /**
     * Only the status of a GET, its body read and dropped unparsed: a load generator on the server's own cores
     * should spend as little CPU per request as it can, or it measures itself.
     */
    public int status(String path, String... headerPairs) {
        return exchange(withHeaders(HttpRequest.newBuilder(base.resolve(path)).GET(), headerPairs),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    public static String[] bearer(String token) {
        return new String[]{"Authorization", "Bearer " + token};
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder builder, String... headerPairs) {
        for (int i = 0; i < headerPairs.length; i += 2) {
            builder.header(headerPairs[i], headerPairs[i + 1]);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) {
        HttpResponse<String> response = exchange(builder, HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        try {
            json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        } catch (IOException notJson) {
            // leave json null: the test asserts on it
        }
        return new Reply(response.statusCode(), response.headers(), response.body(), json);
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder builder, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(builder.timeout(Duration.ofSeconds(30)).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
