package org.kazooauth.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.api.KazooHeaders;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.utils.WebOriginsUtils;
import org.keycloak.representations.AccessToken;

import java.util.Optional;
import java.util.Set;

/**
 * Which browser origins may read the Kazoo API's answers (CORS), the way Keycloak answers for its own endpoints:
 * an answer to a caller with a token carries {@code Access-Control-Allow-Origin} when the request's origin is
 * among the token's {@code allowed-origins}, i.e. its client's Web Origins; an answer without a token (a login,
 * a refusal before one was verified) and a preflight, which never carries one, go by the crossbar client's Web
 * Origins, the client Kazoo's browser apps log in through. Any other origin gets no CORS header at all.
 */
public final class BrowserAccess {

    static final String ALLOWED_METHODS = "GET, PUT, POST, PATCH, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, " + KazooHeaders.AUTH_TOKEN + ", "
            + KazooHeaders.REQUEST_ID;
    static final String EXPOSED_HEADERS = KazooHeaders.REQUEST_ID + ", " + HttpHeaders.RETRY_AFTER;
    /** How long a browser may keep a preflight's answer. */
    static final String PREFLIGHT_MAX_AGE_SECONDS = "3600";
    private static final String ORIGIN = "Origin";
    private static final String ANY_ORIGIN = "*";

    /** The admin mount's: Keycloak's admin root answers browsers for everything below it. */
    public static final BrowserAccess NONE = new BrowserAccess(null);

    /** Null for {@link #NONE}. */
    private final KeycloakSession session;

    private BrowserAccess(KeycloakSession session) {
        this.session = session;
    }

    /** The realm mount's: by the Web Origins of the calling client. */
    public static BrowserAccess byWebOrigins(KeycloakSession session) {
        return new BrowserAccess(session);
    }

    /** {@code response} with the CORS headers its request's origin may read it with. */
    Response answer(Response response, Optional<AccessToken> token) {
        Optional<String> origin = session == null ? Optional.empty() : origin();
        if (origin.isEmpty()) {
            return response;
        }
        Response.ResponseBuilder answer = Response.fromResponse(response).header(HttpHeaders.VARY, ORIGIN);
        Set<String> allowed = token.map(AccessToken::getAllowedOrigins).orElseGet(this::crossbarOrigins);
        if (allows(allowed, origin.get())) {
            allowOrigin(answer, origin.get()).header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        return answer.build();
    }

    /** The answer to a preflight: what the actual request may send, for an origin of the crossbar client. */
    Response preflight() {
        Response.ResponseBuilder answer = Response.ok();
        Optional<String> origin = origin();
        if (origin.isPresent()) {
            answer.header(HttpHeaders.VARY, ORIGIN);
            if (allows(crossbarOrigins(), origin.get())) {
                allowOrigin(answer, origin.get())
                        .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
                        .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                        .header("Access-Control-Max-Age", PREFLIGHT_MAX_AGE_SECONDS);
            }
        }
        return answer.build();
    }

    private Optional<String> origin() {
        return Optional.ofNullable(session.getContext().getHttpRequest().getHttpHeaders().getHeaderString(ORIGIN))
                .filter(origin -> !origin.isBlank());
    }

    /** The crossbar client's Web Origins, {@code +} resolved to its redirect URIs' origins as Keycloak does. */
    private Set<String> crossbarOrigins() {
        KazooRealm kazoo = KazooRealm.of(session, session.getContext().getRealm());
        ClientModel crossbar = kazoo.realm().getClientByClientId(CrossbarClient.clientId(kazoo));
        return crossbar == null ? Set.of() : WebOriginsUtils.resolveValidWebOrigins(session, crossbar);
    }

    private static Response.ResponseBuilder allowOrigin(Response.ResponseBuilder answer, String origin) {
        return answer.header("Access-Control-Allow-Origin", origin).header("Access-Control-Allow-Credentials", "true");
    }

    private static boolean allows(Set<String> allowed, String origin) {
        return allowed != null && (allowed.contains(ANY_ORIGIN) || allowed.contains(origin));
    }
}
