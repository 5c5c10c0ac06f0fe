package org.kazooauth.authn;

import com.google.auto.service.AutoService;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.hmac.HmacToken;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.authenticators.directgrant.ValidatePassword;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.idm.CredentialRepresentation;

import java.util.List;
import java.util.Optional;

/**
 * The direct-grant password check, telling the login event the Kazoo module and account first (see
 * {@link KazooPasswordForm}) and judging behind the account lock; with {@code accept_hmac_tokens}, an HMAC-TOTP
 * token (the {@code hmac_token} parameter, or a token in {@code password}) stands in for the password.
 */
@AutoService(AuthenticatorFactory.class)
public final class KazooValidatePassword extends ValidatePassword {

    public static final String ID = "kazoo-direct-grant-validate-password";

    static final String HMAC_TOKEN_PARAMETER = "hmac_token";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        KazooStepConfig config = KazooStepConfig.of(context.getAuthenticatorConfig());
        UserModel user = context.getUser();
        if (user == null) {
            super.authenticate(context);
            return;
        }
        LoginEvents.annotate(context, user, config.authModule());
        LockGate.check(context, user, config.authModule(), FlowKind.DIRECT_GRANT,
                () -> LockGate.Judgement.of(judge(context, user, config)));
    }

    /**
     * The token or the password; a refusal answers as Keycloak's own wrong password (400 invalid_grant). A
     * {@code password} shaped like a token that the token check refuses may still be the user's password: one
     * attempt, judged both ways, paid once.
     */
    private boolean judge(AuthenticationFlowContext context, UserModel user, KazooStepConfig config) {
        Optional<String> token = config.acceptHmacTokens() ? tokenOf(context) : Optional.empty();
        String password = retrievePassword(context);
        if (token.isPresent()) {
            Optional<String> refusal = HmacTokenFactor.verifyInPlaceOfPassword(context, user, config.authModule(),
                    token.get());
            if (refusal.isEmpty()) {
                context.success();
                return true;
            }
            context.getEvent().detail(Details.REASON, refusal.get());
        }
        boolean passwordSent = token.isEmpty() || token.get().equals(password);
        if (passwordSent && password != null && user.credentialManager().isValid(UserCredentialModel.password(password))) {
            context.getAuthenticationSession().setAuthNote(AuthenticationManager.PASSWORD_VALIDATED, "true");
            context.success(PasswordCredentialModel.TYPE);
            return true;
        }
        context.getEvent().user(user).error(Errors.INVALID_USER_CREDENTIALS);
        context.failure(AuthenticationFlowError.INVALID_USER,
                errorResponse(Response.Status.BAD_REQUEST.getStatusCode(), "invalid_grant", "Invalid user credentials"));
        return false;
    }

    /** The {@code hmac_token} parameter, or a {@code password} that has a token's shape. */
    private static Optional<String> tokenOf(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String explicit = form.getFirst(HMAC_TOKEN_PARAMETER);
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(explicit);
        }
        return Optional.ofNullable(form.getFirst(CredentialRepresentation.PASSWORD)).filter(HmacToken::looksLike);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Kazoo password";
    }

    @Override
    public String getHelpText() {
        return "Keycloak's direct-grant password check, whose login events also name the Kazoo auth module and the "
                + "user's account. With 'Accept HMAC-TOTP tokens', a token may stand in for the password (as the "
                + "password or as the hmac_token parameter).";
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
