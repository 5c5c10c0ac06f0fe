package org.kazooauth.authn;

import com.google.auto.service.AutoService;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;

/** "Kazoo login policy" for browser flows and, as {@link DirectGrant}, for direct-grant flows. */
@AutoService(AuthenticatorFactory.class)
public class LoginPolicyAuthenticatorFactory extends FlowStepFactory {

    public static final String ID = "kazoo-login-policy";

    public LoginPolicyAuthenticatorFactory() {
        this(ID, FlowKind.BROWSER);
    }

    LoginPolicyAuthenticatorFactory(String id, FlowKind flow) {
        super(id, flow);
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
    protected Authenticator create(FlowKind flow) {
        return new LoginPolicyAuthenticator(flow);
    }

    @Override
    protected String displayName() {
        return "Kazoo login policy";
    }

    @Override
    public String getHelpText() {
        return "Applies the Kazoo auth-module settings of the user's account (merged up the account tree): refuses "
                + "the login when the module is disabled and gives the tokens the module's token_auth_expiry_s "
                + "(with the 'Kazoo token lifetime' mapper on the client). Place it after the password.";
    }
}
