package org.kazooauth.authn;

import org.kazooauth.core.keycloak.KazooGate;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Details;
import org.keycloak.models.UserModel;

import java.util.EnumSet;
import java.util.Optional;

/**
 * Applies the merged settings of the user's account to the login, once the user is known: a module disabled
 * for the account refuses the login (Kazoo: 401 invalid credentials, logged as "authentication module … is
 * disabled"), a login that checked no credential (an SSO cookie, an identity provider) is refused while the
 * account is locked, and the module is noted on
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
        LoginEvents.annotate(context, user, module);
        Optional<KazooGate.Refusal> refusal = kazoo.gate().refusal(user, module, EnumSet.of(KazooGate.Check.ENABLED),
                Optional.empty());
        if (refusal.isPresent()) {
            context.getEvent().user(user).detail(Details.REASON, refusal.get().reason())
                    .error(refusal.get().eventError());
            context.failure(AuthenticationFlowError.ACCESS_DENIED, flow.refusal(context, MODULE_DISABLED_MESSAGE,
                    refusal.get().answer().data().path("message").asText()));
            return;
        }
        // an SSO cookie or an identity provider checked no credential here, so nothing was paid; but a locked
        // account stays locked
        if (!LockGate.allowsWithoutCredentials(context, user, flow)) {
            return;
        }
        context.getAuthenticationSession().setUserSessionNote(KazooNotes.AUTH_MODULE, module);
        // the code this login gets need not be gated again when the client redeems it
        context.getAuthenticationSession().setClientNote(KazooGate.GATED_NOTE, module);
        context.success();
    }
}
