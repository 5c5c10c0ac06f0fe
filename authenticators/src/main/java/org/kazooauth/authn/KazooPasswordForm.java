package org.kazooauth.authn;

import com.google.auto.service.AutoService;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/**
 * Keycloak's username and password form, telling the login event which Kazoo module and account the attempt
 * belongs to before the password is judged, so that a wrong password's LOGIN_ERROR carries them too. Keycloak's
 * brute-force protection counts its failures as the built-in form's.
 */
public final class KazooPasswordForm extends UsernamePasswordForm {

    @Override
    public boolean validatePassword(AuthenticationFlowContext context, UserModel user,
                                    MultivaluedMap<String, String> inputData, boolean clearUser) {
        LoginEvents.annotate(context, user, KazooStepConfig.of(context.getAuthenticatorConfig()).authModule());
        return super.validatePassword(context, user, inputData, clearUser);
    }

    @AutoService(AuthenticatorFactory.class)
    public static final class Factory extends UsernamePasswordFormFactory {

        public static final String ID = "kazoo-username-password-form";
        private static final KazooPasswordForm SINGLETON = new KazooPasswordForm();

        @Override
        public Authenticator create(KeycloakSession session) {
            return SINGLETON;
        }

        @Override
        public String getId() {
            return ID;
        }

        @Override
        public String getDisplayType() {
            return "Kazoo username password form";
        }

        @Override
        public String getHelpText() {
            return "Keycloak's username and password form, whose login events also name the Kazoo auth module and "
                    + "the user's account, for the login-attempt log and every other event listener.";
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
}
