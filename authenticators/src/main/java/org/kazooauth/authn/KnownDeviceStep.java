package org.kazooauth.authn;

import com.google.auto.service.AutoService;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/**
 * "Kazoo known device": the last step of a browser flow, where the login is complete (second factor included),
 * makes the browser a known device of the user when the realm's lock has the option on ({@link KnownDevice}).
 * Placed any earlier, a password alone would mint devices, each with a fresh bucket to guess the second factor.
 */
public final class KnownDeviceStep extends KazooStep {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        KnownDevice.remember(context, KazooRealm.of(context.getSession(), context.getRealm()), context.getUser());
        context.success();
    }

    @AutoService(AuthenticatorFactory.class)
    public static final class Factory implements KazooStepFactory {

        public static final String ID = "kazoo-known-device";
        private static final KnownDeviceStep SINGLETON = new KnownDeviceStep();

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
            return "Kazoo known device";
        }

        @Override
        public String getReferenceCategory() {
            return null;
        }

        @Override
        public String getHelpText() {
            return "Remembers the browser as the user's known device when the realm attribute "
                    + "kazoo.crossbar.auth.known_device_days is set: its later logins pay into a lock bucket of "
                    + "their own, so wrong passwords from elsewhere cannot lock the user out there. Place it last "
                    + "in the browser flow, after the second factor.";
        }

        /** It serves no auth module: nothing to configure. */
        @Override
        public boolean isConfigurable() {
            return false;
        }

        @Override
        public List<ProviderConfigProperty> getConfigProperties() {
            return List.of();
        }
    }
}
