package org.kazooauth.testing;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Duo's Universal Prompt as the duo-universal-sdk sees it, on loopback over HTTPS: the health check, the
 * authorize page where a person approves or denies, and the token exchange answering an HS512 id_token signed
 * with the client secret, with Duo's claims. It checks what Duo checks: every client assertion and request JWT
 * signed with the client's secret for the right audience, codes used once by the client they were issued to, for
 * the redirect URI they were issued for.
 *
 * <p>The SDK speaks {@code https://{api_hostname}} with no port and pins certificates by host, so the emulator
 * listens on 127.0.0.1:443 (the tests run as root, as CI does) with a certificate of its own, made once per work
 * directory: Keycloak trusts it through {@code --truststore-paths} and pins it through the multi-factor step's
 * CA pins.
 */
public final class DuoEmulator implements AutoCloseable {

    /** What Duo's admin panel would show: a 20-character client id starting DI, a 40-character secret. */
    public static final String CLIENT_ID = "DIKAZOOEMULATOR00001";
    public static final String CLIENT_SECRET = "kazooEmulatorClientSecret0123456789abcde";
    /** Duo signs and checks with HMAC-SHA512 keyed by the client secret; java-jwt comes with the Duo SDK. */
    private static final Algorithm HS512 = Algorithm.HMAC512(CLIENT_SECRET);
    public static final String HOST = "127.0.0.1";
    private static final int PORT = 443;
    private static final String STORE_PASSWORD = "duo-emulator";
    private static final Path IDENTITY = Path.of(System.getProperty("kazoo.work.dir", "target"), "duo-emulator");

    private record Transaction(String clientId, String username, String redirectUri, String state) {
    }

    private record Grant(Transaction transaction, boolean approved) {
    }

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final AtomicInteger healthChecks = new AtomicInteger();
    private volatile java.util.concurrent.CountDownLatch hanging;
    private final SecureRandom random = new SecureRandom();
    private volatile String lastPromptedUsername;

    private DuoEmulator(HttpsServer server) {
        this.server = server;
    }

    /** Starts it on 127.0.0.1:443; stop it with {@link #close()}. */
    public static DuoEmulator start() {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(HOST, PORT), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(sslContext()));
            DuoEmulator emulator = new DuoEmulator(server);
            server.createContext("/oauth/v1/health_check", emulator.handler(emulator::healthCheck));
            server.createContext("/oauth/v1/authorize", emulator.handler(emulator::authorize));
            server.createContext("/oauth/v1/token", emulator.handler(emulator::token));
            server.setExecutor(emulator.executor);
            server.start();
            return emulator;
        } catch (java.net.BindException e) {
            throw new IllegalStateException("the Duo emulator needs 127.0.0.1:443 (the SDK cannot use another "
                    + "port): run the tests as root, and stop whatever listens there", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** From now on every health check hangs, unanswered, until {@link #answerAgain()}. */
    public void hang() {
        hanging = new java.util.concurrent.CountDownLatch(1);
    }

    /** Health checks answer again, the hanging ones too. */
    public void answerAgain() {
        java.util.concurrent.CountDownLatch released = hanging;
        hanging = null;
        if (released != null) {
            released.countDown();
        }
    }

    public int healthChecks() {
        return healthChecks.get();
    }

    /** The Duo username of the last prompt opened. */
    public String lastPromptedUsername() {
        return lastPromptedUsername;
    }

    // ---- the emulator's TLS identity ----

    /** The emulator's certificate as PEM, for Keycloak's {@code --truststore-paths}; made on first use. */
    public static Path certificatePem() {
        Path pem = IDENTITY.resolve("duo-emulator.pem");
        try {
            if (!Files.exists(pem)) {
                Certificate certificate = keyStore().getCertificate("duo");
                Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n");
            }
            return pem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** OkHttp's pin of the emulator's certificate, {@code sha256/<base64 of its public key's SHA-256>}. */
    public static String certificatePin() {
        try {
            byte[] publicKey = keyStore().getCertificate("duo").getPublicKey().getEncoded();
            return "sha256/" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized KeyStore keyStore() throws GeneralSecurityException {
        Path file = IDENTITY.resolve("duo-emulator.p12");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(IDENTITY);
                Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                        "-genkeypair", "-alias", "duo", "-keyalg", "EC", "-groupname", "secp256r1",
                        "-dname", "CN=Duo emulator", "-ext", "san=ip:" + HOST + ",dns:localhost", "-validity", "30",
                        "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", STORE_PASSWORD,
                        "-keypass", STORE_PASSWORD).redirectErrorStream(true).start();
                String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (keytool.waitFor() != 0) {
                    throw new IllegalStateException("keytool could not make the emulator's certificate: " + output);
                }
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, STORE_PASSWORD.toCharArray());
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext sslContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore(), STORE_PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP client that trusts the emulator, to play the person at Duo's prompt in REST tests. */
    private static HttpClient trustingClient() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keyStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- a person at the prompt ----

    /** Opens {@code authUrl} and approves: the URI Duo redirects the browser to, with duo_code and state. */
    public static URI approve(String authUrl) {
        return decide(authUrl, "allow");
    }

    /** Opens {@code authUrl} and denies. */
    public static URI deny(String authUrl) {
        return decide(authUrl, "deny");
    }

    private static URI decide(String authUrl, String choice) {
        HttpClient client = trustingClient();
        try {
            HttpResponse<String> prompt = client.send(HttpRequest.newBuilder(URI.create(authUrl)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Element transaction = Jsoup.parse(prompt.body()).selectFirst("input[name=txn]");
            if (prompt.statusCode() != 200 || transaction == null) {
                throw new IllegalStateException("Duo emulator refused the prompt: " + prompt.statusCode() + " "
                        + prompt.body());
            }
            HttpResponse<String> decided = client.send(HttpRequest.newBuilder(URI.create("https://" + HOST
                            + "/oauth/v1/authorize/decision"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("txn=" + transaction.attr("value") + "&choice=" + choice))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return URI.create(decided.headers().firstValue("Location").orElseThrow(() ->
                    new IllegalStateException("no redirect from the Duo emulator: " + decided.body())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The query parameters of a URI (the last value of each name). */
    public static Map<String, String> query(URI uri) {
        return parameters(uri.getRawQuery());
    }

    private static Map<String, String> parameters(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parameters.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return parameters;
    }

    // ---- Duo's endpoints ----

    private record Answer(int status, String contentType, String body, String location) {
        static Answer json(int status, JsonNode body) {
            return new Answer(status, "application/json", body.toString(), null);
        }
    }

    @FunctionalInterface
    private interface Endpoint {
        Answer answer(HttpExchange exchange, Map<String, String> form) throws IOException;
    }

    private com.sun.net.httpserver.HttpHandler handler(Endpoint endpoint) {
        return exchange -> {
            try {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> form = parameters(body);
                Answer answer = endpoint.answer(exchange, form);
                if (answer.location() != null) {
                    exchange.getResponseHeaders().set("Location", answer.location());
                }
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", answer.contentType());
                exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
            } finally {
                exchange.close();
            }
        };
    }

    private static ObjectNode fail(String message, String detail) {
        ObjectNode body = KazooHttp.JSON.createObjectNode();
        body.put("stat", "FAIL").put("code", 40002).put("message", message).put("message_detail", detail);
        return body;
    }

    private Answer healthCheck(HttpExchange exchange, Map<String, String> form) throws IOException {
        healthChecks.incrementAndGet();
        java.util.concurrent.CountDownLatch hung = hanging;
        try {
            if (hung != null && !hung.await(2, java.util.concurrent.TimeUnit.MINUTES)) {
                throw new IOException("hung for two minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String problem = assertionProblem(form.get("client_id"), form.get("client_assertion"), "/oauth/v1/health_check");
        if (problem != null) {
            return Answer.json(400, fail("invalid_client", problem));
        }
        ObjectNode ok = KazooHttp.JSON.createObjectNode().put("stat", "OK");
        ok.putObject("response").put("timestamp", Instant.now().getEpochSecond());
        return Answer.json(200, ok);
    }

    private Answer authorize(HttpExchange exchange, Map<String, String> form) {
        if (exchange.getRequestURI().getPath().endsWith("/decision")) {
            return decision(form);
        }
        Map<String, String> query = query(exchange.getRequestURI());
        JsonNode request = verified(query.get("request"));
        if (request == null) {
            return new Answer(400, "text/plain", "the request JWT is missing or not signed by a known client", null);
        }
        for (String claim : List.of("client_id", "redirect_uri", "state", "duo_uname")) {
            if (request.path(claim).asText().isEmpty()) {
                return new Answer(400, "text/plain", "the request JWT lacks " + claim, null);
            }
        }
        if (!"code".equals(request.path("response_type").asText()) || !"openid".equals(request.path("scope").asText())
                || request.path("exp").asLong() < Instant.now().getEpochSecond()) {
            return new Answer(400, "text/plain", "the request JWT is expired or not an openid code request", null);
        }
        String id = hex(16);
        transactions.put(id, new Transaction(request.path("client_id").asText(), request.path("duo_uname").asText(),
                request.path("redirect_uri").asText(), request.path("state").asText()));
        lastPromptedUsername = request.path("duo_uname").asText();
        String user = escape(lastPromptedUsername);
        return new Answer(200, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>Duo emulator</title>"
                + "</head><body><h1>Duo emulator</h1><p>Is it you, <b id=\"duo-username\">" + user + "</b>?</p>"
                + "<form method=\"post\" action=\"/oauth/v1/authorize/decision\">"
                + "<input type=\"hidden\" name=\"txn\" value=\"" + id + "\">"
                + "<button id=\"approve\" name=\"choice\" value=\"allow\">Approve</button> "
                + "<button id=\"deny\" name=\"choice\" value=\"deny\">Deny</button></form></body></html>", null);
    }

    private Answer decision(Map<String, String> form) {
        Transaction transaction = transactions.remove(form.getOrDefault("txn", ""));
        if (transaction == null) {
            return new Answer(400, "text/plain", "unknown or used transaction", null);
        }
        String code = hex(20);
        codes.put(code, new Grant(transaction, "allow".equals(form.get("choice"))));
        String separator = transaction.redirectUri().contains("?") ? "&" : "?";
        return new Answer(302, "text/plain", "", transaction.redirectUri() + separator + "duo_code=" + code
                + "&state=" + URLEncoder.encode(transaction.state(), StandardCharsets.UTF_8));
    }

    private Answer token(HttpExchange exchange, Map<String, String> form) {
        ObjectNode error = KazooHttp.JSON.createObjectNode();
        JsonNode assertion = verified(form.get("client_assertion"));
        String clientId = assertion == null ? null : assertion.path("iss").asText();
        String problem = assertionProblem(clientId, form.get("client_assertion"), "/oauth/v1/token");
        if (problem != null || !"authorization_code".equals(form.get("grant_type"))
                || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
            return Answer.json(400, error.put("error", "invalid_client").put("error_description",
                    problem == null ? "unsupported grant or assertion type" : problem));
        }
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        if (grant == null || !grant.transaction().clientId().equals(clientId)
                || !grant.transaction().redirectUri().equals(form.get("redirect_uri"))) {
            return Answer.json(400, error.put("error", "invalid_grant").put("error_description",
                    "the code is unknown, used, another client's or for another redirect_uri"));
        }
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = KazooHttp.JSON.createObjectNode();
        claims.put("iss", "https://" + HOST + "/oauth/v1/token").put("aud", clientId)
                .put("sub", grant.transaction().username()).put("preferred_username", grant.transaction().username())
                .put("iat", now).put("exp", now + 300).put("auth_time", now);
        claims.putObject("auth_result").put("status", grant.approved() ? "allow" : "deny")
                .put("result", grant.approved() ? "allow" : "deny")
                .put("status_msg", grant.approved() ? "Login Successful" : "Login denied by the user");
        claims.putObject("auth_context").put("result", grant.approved() ? "success" : "denied")
                .put("factor", "duo_push").put("event_type", "authentication").put("txid", hex(8));
        ObjectNode tokens = KazooHttp.JSON.createObjectNode();
        tokens.put("id_token", sign(claims)).put("access_token", hex(16))
                .put("token_type", "Bearer").put("expires_in", 3600);
        return Answer.json(200, tokens);
    }

    // ---- HS512 JWTs, as Duo signs and checks them ----

    /** Why a client assertion is not good: null when it is signed by the client for this endpoint and unexpired. */
    private static String assertionProblem(String clientId, String jwt, String endpoint) {
        if (!CLIENT_ID.equals(clientId)) {
            return "unknown client_id";
        }
        JsonNode claims = verified(jwt);
        if (claims == null) {
            return "the client assertion is not signed with the client secret";
        }
        if (!clientId.equals(claims.path("iss").asText()) || !clientId.equals(claims.path("sub").asText())
                || !("https://" + HOST + endpoint).equals(claims.path("aud").asText())
                || claims.path("exp").asLong() < Instant.now().getEpochSecond()) {
            return "the client assertion's iss, sub, aud or exp is wrong";
        }
        return null;
    }

    /** The claims of an HS512 JWT signed with the secret of the client it names, else null. */
    private static JsonNode verified(String jwt) {
        if (jwt == null) {
            return null;
        }
        try {
            DecodedJWT decoded = JWT.decode(jwt);
            String client = decoded.getClaim("client_id").isMissing() ? decoded.getIssuer()
                    : decoded.getClaim("client_id").asString();
            if (!"HS512".equals(decoded.getAlgorithm()) || !CLIENT_ID.equals(client)) {
                return null;
            }
            HS512.verify(decoded);
            return KazooHttp.JSON.readTree(Base64.getUrlDecoder().decode(decoded.getPayload()));
        } catch (JWTVerificationException | IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Signed with the client's secret, as Duo signs its id_token. */
    @SuppressWarnings("unchecked")
    private static String sign(JsonNode claims) {
        return JWT.create().withPayload(KazooHttp.JSON.convertValue(claims, Map.class)).sign(HS512);
    }

    private String hex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
