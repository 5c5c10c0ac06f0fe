package org.kazooauth.rest;

import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.config.AuthConfigSchema;
import org.kazooauth.core.keycloak.KazooGate;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.OAuth2Constants;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.util.DefaultClientSessionContext;
import org.keycloak.sessions.AuthenticationSessionModel;

import java.util.EnumSet;
import java.util.Optional;

/**
 * Access tokens made by Keycloak's own token manager, so they carry the realm's mappers (the Kazoo lifetime
 * among them), keys and sessions exactly as the token endpoint's do.
 */
final class TokenIssuer {

    private TokenIssuer() {
    }

    /**
     * Kazoo's {@code refresh_token}: a new access token for the session the caller's token belongs to; refused
     * once that session ended (logout, a signature reset).
     */
    static String refresh(KazooRealm kazoo, AccessToken token, UserModel user) {
        KeycloakSession session = kazoo.session();
        RealmModel realm = kazoo.realm();
        UserSessionModel userSession = token.getSessionId() == null ? null
                : session.sessions().getUserSession(realm, token.getSessionId());
        ClientModel client = realm.getClientByClientId(token.getIssuedFor());
        AuthenticatedClientSessionModel clientSession = userSession == null || client == null ? null
                : userSession.getAuthenticatedClientSessionByClient(client.getId());
        if (clientSession == null) {
            throw KazooException.invalidCredentials("the token's session has ended: log in again");
        }
        // Kazoo's refresh module, as on the token endpoint's refresh grant
        Optional<KazooGate.Refusal> refusal = kazoo.gate().refusal(user, AuthConfigSchema.TOKEN_REFRESH,
                EnumSet.of(KazooGate.Check.ENABLED), Optional.of(userSession));
        if (refusal.isPresent()) {
            throw refusal.get().answer();
        }
        session.setAttribute(KazooGate.MODULE_ATTRIBUTE, AuthConfigSchema.TOKEN_REFRESH);
        ClientSessionContext context = DefaultClientSessionContext.fromClientSessionAndScopeParameter(clientSession,
                token.getScope(), session);
        return issue(kazoo, client, user, userSession, context, EventType.REFRESH_TOKEN);
    }

    /**
     * A new session and access token for {@code user}, who proved who they are through identity provider
     * {@code broker}; the session notes the provider as Keycloak's own broker logins do.
     */
    static String logIn(KazooRealm kazoo, ClientModel client, UserModel user, String broker) {
        KeycloakSession session = kazoo.session();
        RealmModel realm = kazoo.realm();
        AuthenticationSessionManager authSessions = new AuthenticationSessionManager(session);
        AuthenticationSessionModel authSession = authSessions.createAuthenticationSession(realm, false)
                .createAuthenticationSession(client);
        authSession.setAuthenticatedUser(user);
        authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        authSession.setClientNote(OIDCLoginProtocol.ISSUER,
                Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, OAuth2Constants.SCOPE_OPENID);
        UserSessionModel userSession = session.sessions().createUserSession(authSession.getParentSession().getId(),
                realm, user, user.getUsername(), session.getContext().getConnection().getRemoteAddr(),
                OIDCLoginProtocol.LOGIN_PROTOCOL, false, null, null, UserSessionModel.SessionPersistenceState.PERSISTENT);
        userSession.setNote(Details.IDENTITY_PROVIDER, broker);
        AuthenticationManager.setClientScopesInSession(session, authSession);
        ClientSessionContext context = TokenManager.attachAuthenticationSession(session, userSession, authSession);
        authSessions.removeAuthenticationSession(realm, authSession, false);
        return issue(kazoo, client, user, userSession, context, EventType.LOGIN);
    }

    private static String issue(KazooRealm kazoo, ClientModel client, UserModel user, UserSessionModel userSession,
                                ClientSessionContext context, EventType type) {
        KeycloakSession session = kazoo.session();
        EventBuilder event = new EventBuilder(kazoo.realm(), session, session.getContext().getConnection())
                .event(type).client(client).user(user).session(userSession);
        session.getContext().setClient(client);
        String token = new TokenManager().responseBuilder(kazoo.realm(), client, event, session, userSession, context)
                .generateAccessToken().build().getToken();
        event.success();
        return token;
    }
}
