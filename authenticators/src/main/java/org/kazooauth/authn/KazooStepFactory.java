package org.kazooauth.authn;

import org.kazooauth.core.keycloak.StatelessProviderFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/**
 * What every Kazoo flow step's factory answers alike: configured with the Kazoo auth module it serves, either
 * REQUIRED or DISABLED (a policy is never optional), nothing for the user to set up.
 */
public interface KazooStepFactory extends AuthenticatorFactory, StatelessProviderFactory<Authenticator> {

    @Override
    default boolean isConfigurable() {
        return true;
    }

    @Override
    default List<ProviderConfigProperty> getConfigProperties() {
        return KazooStepConfig.PROPERTIES;
    }

    @Override
    default Requirement[] getRequirementChoices() {
        return new Requirement[]{Requirement.REQUIRED, Requirement.DISABLED};
    }

    @Override
    default boolean isUserSetupAllowed() {
        return false;
    }
}
