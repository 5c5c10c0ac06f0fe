package org.kazooauth.authn;

import com.google.auto.service.AutoService;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.kazooauth.core.config.AuthConfigSchema;
import org.kazooauth.core.keycloak.KazooGate;
import org.kazooauth.core.keycloak.KazooGate.Check;
import org.kazooauth.core.keycloak.KazooRealm;
import org.kazooauth.core.keycloak.StatelessProviderFactory;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.grants.ciba.clientpolicy.context.BackchannelTokenRequestContext;
import org.keycloak.protocol.oidc.grants.device.clientpolicy.context.DeviceTokenRequestContext;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.RefreshToken;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.JWTAuthorizationGrantContext;
import org.keycloak.services.clientpolicy.context.ServiceAccountTokenRequestContext;
import org.keycloak.services.clientpolicy.context.TokenExchangeRequestContext;
import org.keycloak.services.clientpolicy.context.TokenRefreshContext;
import org.keycloak.services.clientpolicy.context.TokenRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "Kazoo gate": the client-policy executor that puts Keycloak's grants behind {@link KazooGate}. Each grant names
 * its Kazoo auth module and what it can still check:
 * <ul>
 *   <li>refresh (also offline): {@code cb_auth}, enabled; no credential is checked, so the lock neither counts it
 *   nor refuses it;</li>
 *   <li>client credentials: {@code cb_api_auth} of the service account's account, enabled and the lock;</li>
 *   <li>token exchange, device, CIBA, JWT authorization grant: {@code cb_user_auth}, enabled, the lock, and a
 *   second factor the account requires must have been passed by the session the grant stands on (these grants
 *   cannot ask for one: fail closed);</li>
 *   <li>the authorization code of a login no Kazoo flow gated (an identity provider's, another flow's): the same
 *   three.</li>
 * </ul>
 * The password grant and the browser are gated by the Kazoo flows themselves. Put it in a client profile applied
 * to every client (the demo realm's "kazoo" policy does).
 */
public final class TokenGateExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    public static final String ID = "kazoo-gate";
    private static final Logger LOG = Logger.getLogger(TokenGateExecutor.class);
    private static final Set<Check> EVERYTHING = EnumSet.allOf(Check.class);

    private final KeycloakSession session;

    TokenGateExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        switch (context.getEvent()) {
            // the concrete contexts, not 26.7's ClientPolicyClientSessionContext: the jar also runs on 26.5
            case TOKEN_REQUEST -> codeExchange(((TokenRequestContext) context).getParseResult().getClientSession());
            case TOKEN_REFRESH -> refresh((TokenRefreshContext) context);
            case SERVICE_ACCOUNT_TOKEN_REQUEST -> {
                UserSessionModel userSession = ((ServiceAccountTokenRequestContext) context).getClientSession()
                        .getUserSession();
                pass(userSession.getUser(), AuthConfigSchema.API_AUTH, EnumSet.of(Check.ENABLED, Check.LOCK),
                        Optional.of(userSession));
            }
            case TOKEN_EXCHANGE_REQUEST -> exchange((TokenExchangeRequestContext) context);
            case DEVICE_TOKEN_REQUEST -> device((DeviceTokenRequestContext) context);
            case BACKCHANNEL_TOKEN_REQUEST -> {
                UserModel user = ((BackchannelTokenRequestContext) context).getParsedRequest().getUser();
                if (user != null) {
                    pass(user, AuthConfigSchema.USER_AUTH, EVERYTHING, Optional.empty());
                }
            }
            case JWT_AUTHORIZATION_GRANT -> jwtGrant((JWTAuthorizationGrantContext) context);
            default -> {
            }
        }
    }

    /** A code from a login that went through a Kazoo flow's login policy was gated there; any other is gated now. */
    private void codeExchange(AuthenticatedClientSessionModel clientSession) throws ClientPolicyException {
        if (clientSession == null || clientSession.getNote(KazooGate.GATED_NOTE) != null) {
            return;
        }
        UserSessionModel userSession = clientSession.getUserSession();
        pass(userSession.getUser(), moduleOf(userSession), EVERYTHING, Optional.of(userSession));
    }

    private void refresh(TokenRefreshContext context) throws ClientPolicyException {
        String encoded = context.getParams().getFirst("refresh_token");
        RefreshToken token = encoded == null ? null : session.tokens().decode(encoded, RefreshToken.class);
        UserModel user = token == null || token.getSubject() == null ? null
                : session.users().getUserById(realm(), token.getSubject());
        if (user != null) {
            // Keycloak refuses what it cannot decode or whose user is gone; the gate asks about the rest
            pass(user, AuthConfigSchema.TOKEN_REFRESH, EnumSet.of(Check.ENABLED), Optional.empty());
        }
    }

    private void exchange(TokenExchangeRequestContext context) throws ClientPolicyException {
        String subjectToken = context.getTokenExchangeContext().getParams().getSubjectToken();
        AccessToken token = subjectToken == null ? null : session.tokens().decode(subjectToken, AccessToken.class);
        UserModel user = token == null || token.getSubject() == null ? null
                : session.users().getUserById(realm(), token.getSubject());
        if (user != null) {
            pass(user, AuthConfigSchema.USER_AUTH, EVERYTHING, userSession(token.getSessionId()));
        }
    }

    private void device(DeviceTokenRequestContext context) throws ClientPolicyException {
        Optional<UserSessionModel> userSession = userSession(context.getDeviceCodeModel().getUserSessionId());
        if (userSession.isPresent()) {
            pass(userSession.get().getUser(), AuthConfigSchema.USER_AUTH, EVERYTHING, userSession);
        }
    }

    private void jwtGrant(JWTAuthorizationGrantContext context) throws ClientPolicyException {
        UserModel user = session.users().getUserByFederatedIdentity(realm(), new FederatedIdentityModel(
                context.getIdentityProviderAlias(), context.getAuthorizationGrantContext().getSubject(), null));
        if (user != null) {
            pass(user, AuthConfigSchema.USER_AUTH, EVERYTHING, Optional.empty());
        }
    }

    /** Refuses the grant with the gate's reason, or notes the module the token is issued for (its lifetime). */
    private void pass(UserModel user, String module, Set<Check> checks, Optional<UserSessionModel> standingOn)
            throws ClientPolicyException {
        KazooRealm kazoo = KazooRealm.of(session, realm());
        Optional<KazooGate.Refusal> refusal = kazoo.gate().refusal(user, module, checks, standingOn);
        if (refusal.isPresent()) {
            LOG.debugf("realm %s, user %s: no token through %s: %s", realm().getName(), user.getUsername(), module,
                    refusal.get().reason());
            throw new ClientPolicyException(OAuthErrorException.INVALID_GRANT,
                    refusal.get().answer().data().path("message").asText(), Response.Status.UNAUTHORIZED);
        }
        session.setAttribute(KazooGate.MODULE_ATTRIBUTE, module);
    }

    private static String moduleOf(UserSessionModel userSession) {
        String noted = userSession.getNote(KazooNotes.AUTH_MODULE);
        return noted != null && AuthConfigSchema.isModule(noted) ? noted : AuthConfigSchema.USER_AUTH;
    }

    private Optional<UserSessionModel> userSession(String id) {
        if (id == null) {
            return Optional.empty();
        }
        UserSessionModel online = session.sessions().getUserSession(realm(), id);
        return Optional.ofNullable(online != null ? online : session.sessions().getOfflineUserSession(realm(), id));
    }

    private RealmModel realm() {
        return session.getContext().getRealm();
    }

    @AutoService(ClientPolicyExecutorProviderFactory.class)
    public static final class Factory implements ClientPolicyExecutorProviderFactory,
            StatelessProviderFactory<ClientPolicyExecutorProvider> {

        @Override
        public ClientPolicyExecutorProvider create(KeycloakSession session) {
            return new TokenGateExecutor(session);
        }

        @Override
        public String getId() {
            return ID;
        }

        @Override
        public String getHelpText() {
            return "Puts every grant behind the Kazoo account settings: refresh needs cb_auth enabled; client "
                    + "credentials need cb_api_auth enabled and the account unlocked; token exchange, device, CIBA and "
                    + "JWT authorization grants, and codes of logins no Kazoo flow gated, need cb_user_auth enabled, "
                    + "the account unlocked and the second factor passed when the account requires one.";
        }

        @Override
        public List<ProviderConfigProperty> getConfigProperties() {
            return List.of();
        }
    }
}
