package org.kazooauth.rest;

import jakarta.ws.rs.core.HttpHeaders;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.api.KazooHeaders;
import org.kazooauth.core.keycloak.KazooNames;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * Authenticates realm users by an access token of this realm, sent as {@code Authorization: Bearer …} or as
 * Kazoo's {@code X-Auth-Token: …}. Keycloak's own bearer check does the work: signature, expiry, issuer, token
 * type and a live user session, so a logged-out or revoked token fails here too.
 */
public final class RealmTokenAuthenticator implements CallerAuthenticator {

    private static final String BEARER = "Bearer";

    @Override
    public Caller authenticate(KeycloakSession session, KazooRealm kazoo) {
        String realmName = kazoo.realm().getName();
        String token = presentedToken(session.getContext().getHttpRequest().getHttpHeaders());
        if (token == null) {
            throw KazooException.invalidCredentials("send an access token of realm " + realmName
                    + " as 'Authorization: Bearer <token>' or 'X-Auth-Token: <token>'");
        }
        AuthResult result = verify(session, kazoo, token);
        UserModel user = result.user();
        return new TokenCaller(token, user.getUsername(), kazoo.principals().of(user, result.client()), kazoo.rules(),
                new AdminAuth(kazoo.realm(), result.token(), user, result.client()));
    }

    /**
     * Keycloak's own bearer check of an access token of this realm, then whether the token was meant for the Kazoo
     * API: issued to the crossbar client or carrying the {@link KazooNames#API_AUDIENCE} audience. A token any other
     * client of the realm obtained is a 401, as a resource server refuses a token for another audience.
     */
    static AuthResult verify(KeycloakSession session, KazooRealm kazoo, String token) {
        AuthResult result = new AppAuthManager.BearerTokenAuthenticator(session)
                .setRealm(kazoo.realm())
                .setTokenString(token)
                .authenticate();
        if (result == null) {
            throw KazooException.invalidCredentials("the token is not a valid access token of realm "
                    + kazoo.realm().getName() + ": it may have expired or been revoked, or its session ended; "
                    + "log in again");
        }
        String crossbar = CrossbarClient.clientId(kazoo);
        if (!crossbar.equals(result.token().getIssuedFor()) && !result.token().hasAudience(KazooNames.API_AUDIENCE)) {
            throw KazooException.invalidCredentials("the token was issued to client '" + result.token().getIssuedFor()
                    + "', which is not allowed to call the Kazoo API: use a token of client '" + crossbar
                    + "', or give the client an audience mapper with the custom audience '"
                    + KazooNames.API_AUDIENCE + "'");
        }
        return result;
    }

    /** The token of {@code Authorization: Bearer} or, failing that, of {@code X-Auth-Token}. */
    public static String presentedToken(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            String value = authorization.strip();
            // the scheme, then white space: read by hand, as every request pays for it
            if (value.regionMatches(true, 0, BEARER, 0, BEARER.length()) && value.length() > BEARER.length()
                    && Character.isWhitespace(value.charAt(BEARER.length()))) {
                String token = value.substring(BEARER.length()).strip();
                if (!token.isEmpty()) {
                    return token;
                }
            }
        }
        String kazooHeader = headers.getHeaderString(KazooHeaders.AUTH_TOKEN);
        return kazooHeader == null || kazooHeader.isBlank() ? null : kazooHeader.trim();
    }
}
