package org.kazooauth.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The demo realm's web application, client {@code kazoo-web}: a page on a loopback port that signs a user in
 * through the realm's browser flow (the Kazoo steps: password, second factor, lock) the way any public OpenID
 * Connect client does, with the authorization code and PKCE, then shows who they are in Kazoo's words
 * ({@code v2/auth/tokeninfo}) and a link to log out. {@code ./run.sh} serves it on port 3000
 * ({@code KAZOO_DEMO_APP_PORT}); {@code DemoAppIT} walks it in headless Chromium.
 */
public final class DemoApp implements AutoCloseable {

    public static final String CLIENT_ID = "kazoo-web";
    private static final String REALM = "/realms/demo";
    private static final String SESSION_COOKIE = "kazoo_demo_session";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A sign-in on its way: PKCE's verifier, kept here while the user is at Keycloak. */
    private final Map<String, String> verifiers = new ConcurrentHashMap<>();
    /** Signed-in browsers: their tokens by session cookie. */
    private final Map<String, JsonNode> sessions = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI keycloak;
    private final HttpServer server;
    private final URI url;

    private DemoApp(URI keycloak, int port) throws IOException {
        this.keycloak = keycloak;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        // localhost: the client's redirect URIs allow any port of it
        this.url = URI.create("http://localhost:" + server.getAddress().getPort() + "/");
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "demo-app");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** Serves the app for the Keycloak at {@code keycloak} on {@code port} of the loopback (0: any free one). */
    public static DemoApp start(URI keycloak, int port) throws IOException {
        return new DemoApp(keycloak, port);
    }

    /** The app's start page. */
    public URI url() {
        return url;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            switch (exchange.getRequestURI().getPath()) {
                case "/" -> home(exchange);
                case "/login" -> login(exchange);
                case "/callback" -> callback(exchange, query);
                case "/logout" -> logout(exchange);
                default -> page(exchange, 404, "<p>Nothing here. <a href=\"/\">Start again</a>.</p>");
            }
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            page(exchange, 500, "<p id=\"error\">The demo app failed: " + escape(String.valueOf(e.getMessage()))
                    + "</p><p><a href=\"/\">Start again</a></p>");
        }
    }

    private void home(HttpExchange exchange) throws IOException, InterruptedException {
        Optional<JsonNode> tokens = session(exchange).map(sessions::get);
        if (tokens.isEmpty()) {
            page(exchange, 200, "<p>You are not signed in.</p><p><a id=\"sign-in\" href=\"/login\">Sign in</a> with "
                    + "the demo realm's Kazoo flow (try <code>east-user</code>).</p>");
            return;
        }
        HttpResponse<String> info = http.send(HttpRequest.newBuilder(keycloak.resolve(REALM
                + "/kazoo/v2/auth/tokeninfo?token=" + encode(tokens.get().path("access_token").asText()))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode data = KazooHttp.JSON.readTree(info.body()).path("data");
        String username = KazooHttp.claims(tokens.get().path("id_token").asText()).path("preferred_username").asText();
        page(exchange, 200, "<p id=\"who\">Signed in as <b id=\"user\">" + escape(username) + "</b> of "
                + "account <b id=\"account\">" + escape(data.path("account_name").asText()) + "</b>.</p>"
                + "<p>Kazoo's auth response (<code>GET /v2/auth/tokeninfo</code>, HTTP " + info.statusCode() + "):</p>"
                + "<pre id=\"tokeninfo\">" + escape(KazooHttp.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(data)) + "</pre><p><a id=\"log-out\" href=\"/logout\">Log out</a></p>");
    }

    /** Off to Keycloak with a fresh state and PKCE challenge (S256, which the client requires). */
    private void login(HttpExchange exchange) throws IOException {
        String state = random();
        String verifier = Pkce.verifier();
        verifiers.put(state, verifier);
        redirect(exchange, keycloak.resolve(REALM + "/protocol/openid-connect/auth?client_id=" + CLIENT_ID
                + "&response_type=code&scope=openid&state=" + state + "&redirect_uri=" + encode(callback())
                + "&code_challenge=" + Pkce.challenge(verifier) + "&code_challenge_method=S256").toString());
    }

    /** Back from Keycloak: the code and the verifier for tokens, kept for this browser. */
    private void callback(HttpExchange exchange, Map<String, String> query) throws IOException, InterruptedException {
        String verifier = verifiers.remove(query.getOrDefault("state", ""));
        if (query.containsKey("error") || verifier == null || !query.containsKey("code")) {
            page(exchange, 400, "<p id=\"error\">The sign-in did not complete: " + escape(query.getOrDefault(
                    "error_description", query.getOrDefault("error", "unknown or reused state"))) + "</p>"
                    + "<p><a href=\"/\">Start again</a></p>");
            return;
        }
        HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(keycloak.resolve(REALM
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=" + CLIENT_ID
                        + "&code=" + encode(query.get("code")) + "&redirect_uri=" + encode(callback())
                        + "&code_verifier=" + encode(verifier))).build(), HttpResponse.BodyHandlers.ofString());
        if (tokens.statusCode() != 200) {
            page(exchange, 502, "<p id=\"error\">Keycloak refused the code: " + escape(tokens.body()) + "</p>");
            return;
        }
        String session = random();
        sessions.put(session, KazooHttp.JSON.readTree(tokens.body()));
        exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=" + session + "; Path=/; HttpOnly; "
                + "SameSite=Lax");
        redirect(exchange, "/");
    }

    /** Forgets the tokens here and ends the Keycloak session, which sends the browser back to the start page. */
    private void logout(HttpExchange exchange) throws IOException {
        Optional<JsonNode> tokens = session(exchange).map(sessions::remove);
        exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0");
        if (tokens.isEmpty()) {
            redirect(exchange, "/");
            return;
        }
        redirect(exchange, keycloak.resolve(REALM + "/protocol/openid-connect/logout?client_id=" + CLIENT_ID
                + "&id_token_hint=" + encode(tokens.get().path("id_token").asText())
                + "&post_logout_redirect_uri=" + encode(url.toString())).toString());
    }

    private String callback() {
        return url.resolve("/callback").toString();
    }

    private static Optional<String> session(HttpExchange exchange) {
        return exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of()).stream()
                .flatMap(header -> java.util.Arrays.stream(header.split(";")))
                .map(String::trim)
                .filter(cookie -> cookie.startsWith(SESSION_COOKIE + "="))
                .map(cookie -> cookie.substring(SESSION_COOKIE.length() + 1))
                .findFirst();
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void page(HttpExchange exchange, int status, String body) throws IOException {
        byte[] html = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>Kazoo Auth demo app</title></head>"
                + "<body><h1>Kazoo Auth demo app</h1>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, html.length);
        exchange.getResponseBody().write(html);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
