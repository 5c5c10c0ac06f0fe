package org.kazooauth.authn;

import com.google.auto.service.AutoService;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.KeycloakSession;

/** "Kazoo login policy" for browser flows and, as {@link DirectGrant}, for direct-grant flows. */
@AutoService(AuthenticatorFactory.class)
public class LoginPolicyAuthenticatorFactory implements KazooStepFactory {

    public static final String ID = "kazoo-login-policy";

    private final String id;
    private final FlowKind flow;

    public LoginPolicyAuthenticatorFactory() {
        this(ID, FlowKind.BROWSER);
    }

    LoginPolicyAuthenticatorFactory(String id, FlowKind flow) {
        this.id = id;
        this.flow = flow;
    }

    /** The same step for direct-grant flows (the token endpoint's password grant and /v2/user_auth). */
    @AutoService(AuthenticatorFactory.class)
    public static final class DirectGrant extends LoginPolicyAuthenticatorFactory {
        public static final String ID = "kazoo-login-policy-direct-grant";

        public DirectGrant() {
            super(ID, FlowKind.DIRECT_GRANT);
        }
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new LoginPolicyAuthenticator(flow);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getDisplayType() {
        return flow == FlowKind.BROWSER ? "Kazoo login policy" : "Kazoo login policy (direct grant)";
    }

    @Override
    public String getHelpText() {
        return "Applies the Kazoo auth-module settings of the user's account (merged up the account tree): refuses "
                + "the login when the module is disabled and gives the tokens the module's token_auth_expiry_s "
                + "(with the 'Kazoo token lifetime' mapper on the client). Place it after the password.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }
}
