package org.kazooauth.authn;

import org.jboss.logging.Logger;
import org.kazooauth.core.keycloak.KazooGate;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;

import java.util.Optional;

/**
 * "Condition - Kazoo multi-factor required": true when Kazoo would ask this user for a second factor. The merged
 * {@code multi_factor} block of the user's account for the configured module decides, by Kazoo's rule
 * ({@code enabled} and {@code account_id} / {@code include_subaccounts}). A login from an existing SSO session
 * needs none when that session's login passed it, and does when the account asked for it only since. Fails closed: no user known yet means a misbuilt flow, so the factor runs.
 */
public final class MultiFactorRequiredCondition implements ConditionalAuthenticator {

    static final MultiFactorRequiredCondition SINGLETON = new MultiFactorRequiredCondition();
    private static final Logger LOG = Logger.getLogger(MultiFactorRequiredCondition.class);

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (user == null) {
            LOG.warnf("'Condition - Kazoo multi-factor required' runs before the user is known in realm %s; "
                    + "the second factor is required. Move the condition after the username step.",
                    context.getRealm().getName());
            return true;
        }
        KazooGate gate = KazooRealm.of(context.getSession(), context.getRealm()).gate();
        String module = KazooStepConfig.of(context.getAuthenticatorConfig()).authModule();
        if (!gate.secondFactorRequired(user, module)) {
            return false;
        }
        if (!"true".equals(context.getAuthenticationSession().getAuthNote(AuthenticationManager.SSO_AUTH))) {
            return true;
        }
        // an SSO session whose login passed the factor is enough; one from before the account asked for it is not
        AuthenticationManager.AuthResult cookie = AuthenticationManager.authenticateIdentityCookie(context.getSession(),
                context.getRealm(), true);
        return gate.secondFactorMissing(user, Optional.ofNullable(cookie).map(AuthenticationManager.AuthResult::session));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
