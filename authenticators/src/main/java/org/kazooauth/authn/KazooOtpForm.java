package org.kazooauth.authn;

import com.google.auto.service.AutoService;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.FlowStatus;
import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticator;
import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticatorFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/**
 * Keycloak's OTP form behind the Kazoo account lock, for flows that offer it beside Kazoo's second factor: each
 * code it judges pays into the user's buckets like any other credential, and none is judged while they are empty.
 * Without it a guesser locked out of the password and Kazoo's factor could go on guessing OTP codes.
 */
public final class KazooOtpForm extends OTPFormAuthenticator {

    @Override
    public void validateOTP(AuthenticationFlowContext context) {
        String module = KazooStepConfig.of(context.getAuthenticatorConfig()).authModule();
        LockGate.check(context, context.getUser(), module, FlowKind.BROWSER, () -> {
            super.validateOTP(context);
            return judgement(context);
        });
    }

    /** What Keycloak's form concluded: a success, a refused code, or only a form shown (no code sent). */
    private static LockGate.Judgement judgement(AuthenticationFlowContext context) {
        FlowStatus status = ((AuthenticationProcessor.Result) context).getStatus();
        if (status == FlowStatus.SUCCESS) {
            return LockGate.Judgement.GOOD;
        }
        return status == FlowStatus.FAILURE_CHALLENGE || status == FlowStatus.FAILED
                ? LockGate.Judgement.WRONG : LockGate.Judgement.NOT_JUDGED;
    }

    @AutoService(AuthenticatorFactory.class)
    public static final class Factory extends OTPFormAuthenticatorFactory {

        public static final String ID = "kazoo-otp-form";
        private static final KazooOtpForm SINGLETON = new KazooOtpForm();

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
            return "Kazoo OTP form";
        }

        @Override
        public String getHelpText() {
            return "Keycloak's OTP form behind the Kazoo account lock: each code checked pays into the user's lock "
                    + "buckets, and no code is checked while they are empty.";
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
