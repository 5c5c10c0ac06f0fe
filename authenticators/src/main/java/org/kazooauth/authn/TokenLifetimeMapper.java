package org.kazooauth.authn;

import com.google.auto.service.AutoService;
import org.kazooauth.core.config.AuthConfigSchema;
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
 * "Kazoo token lifetime": an access token issued to a user who logged in through a Kazoo flow lives for the
 * {@code token_auth_expiry_s} of the module the user logged in through, read from the account's merged settings
 * when the token is issued; a refreshed token for that of {@code cb_auth}, Kazoo's refresh module. Never past the
 * end of the session, as Keycloak's own lifetimes: raise SSO Session Max for longer Kazoo lifetimes.
 */
@AutoService(ProtocolMapper.class)
public final class TokenLifetimeMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper {

    public static final String ID = "kazoo-token-lifetime-mapper";

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel mapping, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        String loginModule = userSession.getNote(KazooNotes.AUTH_MODULE);
        if (loginModule == null || token.getIat() == null) {
            return token;
        }
        String module = isRefresh(session) ? AuthConfigSchema.TOKEN_REFRESH : loginModule;
        long lifetime = KazooRealm.of(session, userSession.getRealm()).settingsFor(userSession.getUser(), module)
                .tokenAuthExpirySeconds();
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

    private static boolean isRefresh(KeycloakSession session) {
        return OAuth2Constants.REFRESH_TOKEN.equals(session.getContext().getHttpRequest().getDecodedFormParameters()
                .getFirst(OAuth2Constants.GRANT_TYPE));
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
