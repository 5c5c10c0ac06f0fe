package org.kazooauth.authn;

import org.kazooauth.core.attempt.AttemptOutcome;
import org.kazooauth.core.config.AuthModuleSettings;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Details;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Applies the merged settings of the user's account to the login, once the user is known: a module disabled
 * for the account refuses the login (Kazoo: 401 invalid credentials, logged as "authentication module … is
 * disabled"), a login from an SSO cookie is refused while the account is locked, and the module is noted on
 * the session so tokens get its {@code token_auth_expiry_s}.
 * Placed after the password, so it tells nothing to someone who does not know it.
 */
public final class LoginPolicyAuthenticator extends KazooStep {

    static final String MODULE_DISABLED_MESSAGE = "kazooAuthModuleDisabled";

    private final FlowKind flow;

    LoginPolicyAuthenticator(FlowKind flow) {
        this.flow = flow;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        String module = KazooStepConfig.of(context.getAuthenticatorConfig()).authModule();
        KazooRealm kazoo = KazooRealm.of(context.getSession(), context.getRealm());
        AuthModuleSettings settings = kazoo.settingsFor(user, module);
        LoginEvents.annotate(context, user, module);
        if (!settings.enabled()) {
            String reason = "authentication module " + module + " is disabled";
            context.getEvent().user(user).detail(Details.REASON, reason).error(AttemptOutcome.MODULE_DISABLED_ERROR);
            context.failure(AuthenticationFlowError.ACCESS_DENIED,
                    flow.refusal(context, MODULE_DISABLED_MESSAGE, "invalid credentials: " + reason));
            return;
        }
        // an SSO cookie checks no credential, so it pays nothing; but a locked account stays locked
        if (context.getAuthenticationSession().getAuthNote(AuthenticationManager.SSO_AUTH) != null
                && !LockGate.allowsWithoutCredentials(context, user, flow)) {
            return;
        }
        context.getAuthenticationSession().setUserSessionNote(KazooNotes.AUTH_MODULE, module);
        context.success();
    }
}
