package org.kazooauth.authn;

import com.google.auto.service.AutoService;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.authenticators.directgrant.ValidatePassword;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/** The direct-grant password check, telling the login event the Kazoo module and account first (see {@link KazooPasswordForm}). */
@AutoService(AuthenticatorFactory.class)
public final class KazooValidatePassword extends ValidatePassword {

    public static final String ID = "kazoo-direct-grant-validate-password";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (context.getUser() != null) {
            LoginEvents.annotate(context, context.getUser(),
                    KazooStepConfig.of(context.getAuthenticatorConfig()).authModule());
        }
        super.authenticate(context);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Kazoo password";
    }

    @Override
    public String getHelpText() {
        return "Keycloak's direct-grant password check, whose login events also name the Kazoo auth module and the "
                + "user's account.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return KazooStepConfig.PROPERTIES;
    }
}
