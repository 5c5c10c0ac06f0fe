package org.kazooauth.authn;

import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.UserModel;

/**
 * Puts what the attempt log records on the login's Keycloak event, so every event listener sees the same facts:
 * the Kazoo auth module and the user's account.
 */
final class LoginEvents {

    private LoginEvents() {
    }

    static void annotate(AuthenticationFlowContext context, UserModel user, String module) {
        context.getEvent().detail(KazooNotes.AUTH_MODULE_DETAIL, module);
        KazooRealm.of(context.getSession(), context.getRealm()).principals().accountOf(user)
                .ifPresent(account -> context.getEvent().detail(KazooNotes.ACCOUNT_ID_DETAIL, account.id()));
    }
}
