package org.kazooauth.authn;

import com.google.auto.service.AutoService;
import jakarta.ws.rs.core.MultivaluedMap;
import org.kazooauth.core.hmac.HmacToken;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.idm.CredentialRepresentation;

import java.util.List;
import java.util.Optional;

/**
 * Keycloak's username and password form, telling the login event which Kazoo module and account the attempt
 * belongs to before the password is judged, so that a wrong password's LOGIN_ERROR carries them too. With
 * {@code accept_hmac_tokens}, an HMAC-TOTP token typed as the password stands in for it. Keycloak's brute-force
 * protection counts its failures as the built-in form's.
 */
public final class KazooPasswordForm extends UsernamePasswordForm {

    /** The authorization request's {@code hmac_token}, as Keycloak keeps extra request parameters. */
    static final String HMAC_TOKEN_NOTE = AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX
            + KazooValidatePassword.HMAC_TOKEN_PARAMETER;

    /**
     * An application that signs its user in directly sends {@code hmac_token} and {@code login_hint} on the
     * authorization request: a good token logs the user in without the form. The token is taken off the session
     * first, so a reload cannot try it again; a refused one shows the form with an error.
     */
    @Override
    public void authenticate(AuthenticationFlowContext context) {
        KazooStepConfig config = KazooStepConfig.of(context.getAuthenticatorConfig());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String token = authSession.getClientNote(HMAC_TOKEN_NOTE);
        String hint = authSession.getClientNote(OIDCLoginProtocol.LOGIN_HINT_PARAM);
        if (!config.acceptHmacTokens() || token == null || hint == null || hint.isBlank()) {
            super.authenticate(context);
            return;
        }
        authSession.removeClientNote(HMAC_TOKEN_NOTE);
        UserModel user = KeycloakModelUtils.findUserByNameOrEmail(context.getSession(), context.getRealm(), hint);
        if (user == null) {
            context.getEvent().detail(Details.USERNAME, hint).error(Errors.USER_NOT_FOUND);
            refuseToken(context);
            return;
        }
        if (!enabledUser(context, user)) {
            return;
        }
        LoginEvents.annotate(context, user, config.authModule());
        if (LockGate.check(context, user, config.authModule(), FlowKind.BROWSER,
                () -> LockGate.Judgement.of(checkToken(context, user, config, token, false)))) {
            context.setUser(user);
            context.success();
        }
    }

    /** The password, or a token in its place, judged behind the account lock. */
    @Override
    public boolean validatePassword(AuthenticationFlowContext context, UserModel user,
                                    MultivaluedMap<String, String> inputData, boolean clearUser) {
        KazooStepConfig config = KazooStepConfig.of(context.getAuthenticatorConfig());
        LoginEvents.annotate(context, user, config.authModule());
        String password = inputData.getFirst(CredentialRepresentation.PASSWORD);
        return LockGate.check(context, user, config.authModule(), FlowKind.BROWSER,
                () -> LockGate.Judgement.of(tokenOrPassword(context, user, inputData, clearUser, config, password)));
    }

    /**
     * A token-shaped password is tried as a token first; refused, it may still be the user's password (one attempt,
     * judged both ways, paid once), with the token's refusal on the event if it is not.
     */
    private boolean tokenOrPassword(AuthenticationFlowContext context, UserModel user,
                                    MultivaluedMap<String, String> inputData, boolean clearUser, KazooStepConfig config,
                                    String password) {
        if (config.acceptHmacTokens() && HmacToken.looksLike(password)) {
            Optional<String> refusal = HmacTokenFactor.verifyInPlaceOfPassword(context, user, config.authModule(),
                    password);
            if (refusal.isEmpty()) {
                return true;
            }
            context.getEvent().detail(Details.REASON, refusal.get());
        }
        return super.validatePassword(context, user, inputData, clearUser);
    }

    /** A token in place of the password; a refused one shows the form again as a wrong password does. */
    private boolean checkToken(AuthenticationFlowContext context, UserModel user, KazooStepConfig config,
                               String token, boolean clearUser) {
        Optional<String> refusal = HmacTokenFactor.verifyInPlaceOfPassword(context, user, config.authModule(), token);
        if (refusal.isEmpty()) {
            return true;
        }
        context.getEvent().user(user).detail(Details.REASON, refusal.get()).error(Errors.INVALID_USER_CREDENTIALS);
        refuseToken(context);
        if (clearUser) {
            context.clearUser();
        }
        return false;
    }

    private void refuseToken(AuthenticationFlowContext context) {
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                challenge(context, getDefaultChallengeMessage(context), CredentialRepresentation.PASSWORD));
    }

    @AutoService(AuthenticatorFactory.class)
    public static final class Factory extends UsernamePasswordFormFactory {

        public static final String ID = "kazoo-username-password-form";
        private static final KazooPasswordForm SINGLETON = new KazooPasswordForm();

        @Override
        public Authenticator create(KeycloakSession session) {
            return SINGLETON;
        }

        @Override
        public String getId() {
            return ID;
        }

        @Override
        public String getDisplayType() {
            return "Kazoo username password form";
        }

        @Override
        public String getHelpText() {
            return "Keycloak's username and password form, whose login events also name the Kazoo auth module and "
                    + "the user's account. With 'Accept HMAC-TOTP tokens', a token may stand in for the password "
                    + "(in the password field, or as hmac_token with login_hint on the authorization request).";
        }

        @Override
        public boolean isConfigurable() {
            return true;
        }

        @Override
        public List<ProviderConfigProperty> getConfigProperties() {
            return KazooStepConfig.PASSWORD_STEP_PROPERTIES;
        }
    }
}
