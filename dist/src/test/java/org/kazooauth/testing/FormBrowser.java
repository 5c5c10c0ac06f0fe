package org.kazooauth.testing;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A browser at the HTTP level for Keycloak's login pages: keeps cookies, follows no redirect, finds forms with
 * jsoup and submits them. Enough to drive a browser flow's steps and read the page each one answers with.
 * <p>
 * Keycloak marks its cookies {@code Secure; SameSite=None} even over http. Browsers send such cookies to
 * loopback hosts, Java's CookieManager does not, so this keeps its own jar, by path as browsers do.
 */
public final class FormBrowser {

    public static final String REDIRECT_URI = "http://localhost:3000/callback";

    /** A page: status, body, and the Location of a redirect. */
    public record Page(int status, String body, String location) {
    }

    private final URI base;
    /** A cookie is its path's: the partner realm's AUTH_SESSION_ID is not the demo realm's. */
    private record CookieKey(String path, String name) {
    }

    private final Map<CookieKey, String> cookies = new LinkedHashMap<>();
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public FormBrowser(RunningKeycloak keycloak) {
        this.base = keycloak.baseUrl();
    }

    /** Opens the demo realm's login page for the {@code kazoo-web} client (authorization code with PKCE). */
    public Page openLogin() {
        return openLogin(Map.of());
    }

    /** The same, with more parameters on the authorization request. */
    public Page openLogin(Map<String, String> parameters) {
        return send(HttpRequest.newBuilder(loginUrl(base, parameters)).GET());
    }

    /**
     * Opens the login page of any realm's client for a plain authorization-code request (no PKCE), as an
     * application with a client secret sends it.
     */
    public Page openAuthorization(String realm, String clientId, String redirectUri) {
        return send(HttpRequest.newBuilder(base.resolve("/realms/" + realm + "/protocol/openid-connect/auth?client_id="
                + encode(clientId) + "&response_type=code&scope=openid&state=" + UUID.randomUUID() + "&redirect_uri="
                + encode(redirectUri))).GET());
    }

    /** Opens any page of the server (a redirect's location, a verification link). */
    public Page open(String url) {
        return send(HttpRequest.newBuilder(base.resolve(url)).GET());
    }

    /** The demo realm's authorization URL for {@code kazoo-web}, with a fresh state and PKCE challenge. */
    public static URI loginUrl(URI base) {
        return loginUrl(base, Map.of());
    }

    private static URI loginUrl(URI base, Map<String, String> parameters) {
        String verifier = Pkce.verifier();
        StringBuilder query = new StringBuilder("client_id=kazoo-web&response_type=code&scope=openid&state="
                + UUID.randomUUID() + "&redirect_uri=" + encode(REDIRECT_URI)
                + "&code_challenge=" + Pkce.challenge(verifier) + "&code_challenge_method=S256");
        parameters.forEach((name, value) -> query.append('&').append(encode(name)).append('=').append(encode(value)));
        return base.resolve("/realms/demo/protocol/openid-connect/auth?" + query);
    }

    /** Submits the username and password form of {@code loginPage}. */
    public Page logIn(Page loginPage, String username, String password) {
        return submit(loginPage, "kc-form-login", Map.of("username", username, "password", password,
                "credentialId", ""));
    }

    /** Submits the form with id {@code formId} of {@code page} with these fields. */
    public Page submit(Page page, String formId, Map<String, String> fields) {
        return post(page, "form[id=" + formId + "]", fields);
    }

    /** Submits the form whose action leads to {@code path} (Keycloak's consent form has no id). */
    public Page submitTo(Page page, String path, Map<String, String> fields) {
        return post(page, "form[action*=" + path + "]", fields);
    }

    private Page post(Page page, String formSelector, Map<String, String> fields) {
        Element form = Jsoup.parse(page.body()).selectFirst(formSelector);
        if (form == null) {
            throw new IllegalStateException("no " + formSelector + " on the page (" + page.status() + "):\n"
                    + page.body());
        }
        String body = fields.entrySet().stream().map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(form.attr("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        String path = built.uri().getRawPath();
        String cookieHeader = cookies.entrySet().stream()
                .filter(cookie -> path.startsWith(cookie.getKey().path()))
                .map(cookie -> cookie.getKey().name() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest.Builder sent = HttpRequest.newBuilder(built, (name, value) -> true);
        if (!cookieHeader.isEmpty()) {
            sent.header("Cookie", cookieHeader);
        }
        try {
            HttpResponse<String> response = client.send(sent.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String[] parts = setCookie.split(";");
                int equals = parts[0].indexOf('=');
                String name = parts[0].substring(0, equals).trim();
                String value = parts[0].substring(equals + 1).trim();
                String cookiePath = "/";
                for (String attribute : parts) {
                    if (attribute.trim().toLowerCase().startsWith("path=")) {
                        cookiePath = attribute.trim().substring(5);
                    }
                }
                CookieKey key = new CookieKey(cookiePath, name);
                if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
                    cookies.remove(key);
                } else {
                    cookies.put(key, value);
                }
            }
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
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
