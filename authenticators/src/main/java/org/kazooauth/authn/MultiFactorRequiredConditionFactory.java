package org.kazooauth.authn;

import com.google.auto.service.AutoService;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;

@AutoService(AuthenticatorFactory.class)
public final class MultiFactorRequiredConditionFactory implements ConditionalAuthenticatorFactory, KazooStepFactory {

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
}
