package org.kazooauth.authn;

import com.google.auto.service.AutoService;
import org.kazooauth.core.keycloak.StatelessProviderFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

@AutoService(AuthenticatorFactory.class)
public final class MultiFactorRequiredConditionFactory implements ConditionalAuthenticatorFactory,
        StatelessProviderFactory<Authenticator> {

    public static final String ID = "kazoo-condition-multi-factor";

    @Override
    public ConditionalAuthenticator getSingleton() {
        return MultiFactorRequiredCondition.SINGLETON;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Condition - Kazoo multi-factor required";
    }

    @Override
    public String getHelpText() {
        return "True when the Kazoo settings of the user's account ask for a second factor: multi_factor.enabled, "
                + "for the account named by multi_factor.account_id, or its sub-accounts with include_subaccounts. "
                + "Put the second-factor steps after it in a conditional sub-flow.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return KazooStepConfig.PROPERTIES;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[]{Requirement.REQUIRED, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }
}
