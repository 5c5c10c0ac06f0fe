package org.kazooauth.authn;

import com.google.auto.service.AutoService;
import org.kazooauth.core.config.AuthConfigSchema;
import org.kazooauth.core.keycloak.KazooGate;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.SessionExpirationUtils;
import org.keycloak.protocol.ProtocolMapper;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * "Kazoo token lifetime": an access token lives for the {@code token_auth_expiry_s} of the Kazoo module it is
 * issued through, read from the account's merged settings when it is issued: the module the user logged in
 * through, {@code cb_auth} for a refresh, {@code cb_api_auth} for a service account, {@code cb_user_auth} for
 * anything else ({@link KazooGate} notes which). Never past the end of the session, as Keycloak's own lifetimes:
 * raise SSO Session Max for longer Kazoo lifetimes.
 */
@AutoService(ProtocolMapper.class)
public final class TokenLifetimeMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper {

    public static final String ID = "kazoo-token-lifetime-mapper";

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel mapping, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        if (token.getIat() == null) {
            return token;
        }
        long lifetime = KazooRealm.of(session, userSession.getRealm()).gate()
                .lifetimeSeconds(userSession.getUser(), module(session, userSession));
        long expires = token.getIat() + lifetime;
        AuthenticatedClientSessionModel clientSession = clientSessionCtx.getClientSession();
        long sessionEnds = TimeUnit.MILLISECONDS.toSeconds(
                SessionExpirationUtils.calculateClientSessionMaxLifespanTimestamp(userSession.isOffline(),
                        userSession.isRememberMe(), TimeUnit.SECONDS.toMillis(clientSession.getStarted()),
                        TimeUnit.SECONDS.toMillis(userSession.getStarted()), userSession.getRealm(),
                        clientSession.getClient()));
        token.exp(sessionEnds > 0 ? Math.min(expires, sessionEnds) : expires);
        return token;
    }

    /**
     * The module of the token being issued: the one the gate noted for this grant; else by grant type (refresh:
     * {@code cb_auth}, client credentials: {@code cb_api_auth}); else the module the user logged in through.
     */
    private static String module(KeycloakSession session, UserSessionModel userSession) {
        Object gated = session.getAttribute(KazooGate.MODULE_ATTRIBUTE);
        if (gated instanceof String module) {
            return module;
        }
        String grant = session.getContext().getHttpRequest().getDecodedFormParameters().getFirst(OAuth2Constants.GRANT_TYPE);
        if (OAuth2Constants.REFRESH_TOKEN.equals(grant)) {
            return AuthConfigSchema.TOKEN_REFRESH;
        }
        if (OAuth2Constants.CLIENT_CREDENTIALS.equals(grant)) {
            return AuthConfigSchema.API_AUTH;
        }
        String noted = userSession.getNote(KazooNotes.AUTH_MODULE);
        return noted != null && AuthConfigSchema.isModule(noted) ? noted : AuthConfigSchema.USER_AUTH;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Kazoo token lifetime";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Sets the access token's lifetime to the token_auth_expiry_s of the Kazoo auth module the user "
                + "logged in through (cb_auth when refreshing), as merged for the user's account. Needs a Kazoo "
                + "login policy step in the login flow; capped at the session's end.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
