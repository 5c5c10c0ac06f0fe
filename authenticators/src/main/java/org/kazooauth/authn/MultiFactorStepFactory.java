package org.kazooauth.authn;

import com.google.auto.service.AutoService;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/** "Kazoo multi-factor" for browser flows and, as {@link DirectGrant}, for direct-grant flows. */
@AutoService(AuthenticatorFactory.class)
public class MultiFactorStepFactory extends FlowStepFactory {

    public static final String ID = "kazoo-multi-factor";

    /** This step's Duo clients and the bounded pool their calls run on, closed with Keycloak. */
    private final DuoClients duo = new DuoClients();

    public MultiFactorStepFactory() {
        this(ID, FlowKind.BROWSER);
    }

    MultiFactorStepFactory(String id, FlowKind flow) {
        super(id, flow);
    }

    @AutoService(AuthenticatorFactory.class)
    public static final class DirectGrant extends MultiFactorStepFactory {
        public static final String ID = "kazoo-multi-factor-direct-grant";

        public DirectGrant() {
            super(ID, FlowKind.DIRECT_GRANT);
        }
    }

    /** Its failures are second-factor failures, which Keycloak's brute-force protection counts. */
    @Override
    public String getReferenceCategory() {
        return "otp";
    }

    /** Also ALTERNATIVE: beside Keycloak's OTP or WebAuthn, with "Try another way". */
    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[]{Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return MultiFactorStepConfig.PROPERTIES;
    }

    @Override
    protected Authenticator create(FlowKind flow) {
        return new MultiFactorStepAuthenticator(flow, duo);
    }

    @Override
    public void close() {
        duo.close();
    }

    @Override
    protected String displayName() {
        return "Kazoo multi-factor";
    }

    @Override
    public String getHelpText() {
        return "The second factor Kazoo's settings ask for: picks the provider config of the user's account "
                + "(multi_factor.account_id + configuration_id) or the system default provider. No config at all: "
                + "the login goes on and a failed multi_factor attempt is logged; a disabled provider: refused; a "
                + "missing or incomplete config: refused (fails closed) with an event for the admins. Duo unreachable: "
                + "refused, unless its fail mode is open. Place it after 'Condition - Kazoo multi-factor required' "
                + "in a conditional sub-flow.";
    }
}
