package org.kazooauth.authn;

import org.jboss.logging.Logger;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * "Condition - Kazoo multi-factor required": true when Kazoo would ask this user for a second factor. The merged
 * {@code multi_factor} block of the user's account for the configured module decides, by Kazoo's rule
 * ({@code enabled} and {@code account_id} / {@code include_subaccounts}). A login from an existing SSO session
 * already passed the second factor. Fails closed: no user known yet means a misbuilt flow, so the factor runs.
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
        if ("true".equals(context.getAuthenticationSession().getAuthNote(AuthenticationManager.SSO_AUTH))) {
            return false;
        }
        KazooRealm kazoo = KazooRealm.of(context.getSession(), context.getRealm());
        String module = KazooStepConfig.of(context.getAuthenticatorConfig()).authModule();
        return kazoo.settingsFor(user, module).multiFactor().requiredFor(kazoo.principals().accountOf(user));
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
