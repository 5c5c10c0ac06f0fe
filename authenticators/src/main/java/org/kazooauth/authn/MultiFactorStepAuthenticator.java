package org.kazooauth.authn;

import org.jboss.logging.Logger;
import org.kazooauth.core.attempt.AttemptOutcome;
import org.kazooauth.core.keycloak.KazooRealm;
import org.kazooauth.core.keycloak.mfa.ProviderConfigs;
import org.kazooauth.core.mfa.MultiFactorChoice;
import org.kazooauth.core.mfa.ProviderConfig;
import org.kazooauth.core.mfa.ProviderKind;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Details;
import org.keycloak.models.UserModel;

import java.util.Map;
import java.util.Optional;

/**
 * The second factor a user's Kazoo settings ask for. Picks the provider config ({@link MultiFactorChoice}) and
 * answers as Kazoo's flow does (seed 000): no config at all, the login goes on with a failed multi_factor attempt
 * logged; a disabled provider, 401; a missing or incomplete config, refused with an event for the admins. A ready
 * config hands over to its provider's {@link SecondFactor}; where none is installed (Duo so far), the login is
 * refused: the second factor fails closed.
 */
public final class MultiFactorStepAuthenticator extends KazooStep {

    private static final Logger LOG = Logger.getLogger(MultiFactorStepAuthenticator.class);
    static final String DISABLED_MESSAGE = "kazooMultiFactorDisabled";
    static final String UNAVAILABLE_MESSAGE = "kazooMultiFactorUnavailable";
    static final String FAILED_MESSAGE = "kazooMultiFactorFailed";
    /** The form parameter of Kazoo's retried request (its body's {@code multi_factor_response}). */
    static final String RESPONSE_PARAMETER = "multi_factor_response";
    /** The second factors installed, by provider; the Duo factor joins them with the Duo issue. */
    private static final Map<ProviderKind, SecondFactor> FACTORS = Map.of(ProviderKind.HMAC_TOTP, HmacTokenFactor.INSTANCE);

    private final FlowKind flow;

    MultiFactorStepAuthenticator(FlowKind flow) {
        this.flow = flow;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        KazooRealm kazoo = KazooRealm.of(context.getSession(), context.getRealm());
        String module = KazooStepConfig.of(context.getAuthenticatorConfig()).authModule();
        ProviderConfigs providers = new ProviderConfigs(context.getRealm());
        MultiFactorChoice choice = MultiFactorChoice.choose(kazoo.settingsFor(user, module).multiFactor(),
                providers::find, kazoo.defaultMultiFactorProvider());
        if (choice instanceof MultiFactorChoice.NoProvider) {
            context.getEvent().clone().user(user)
                    .detail(Details.REASON, "no multi factor authentication provider is configured")
                    .error(AttemptOutcome.NO_MULTI_FACTOR_PROVIDER_ERROR);
            context.success();
        } else if (choice instanceof MultiFactorChoice.Disabled disabled) {
            refuse(context, AttemptOutcome.MULTI_FACTOR_DISABLED_ERROR,
                    "provider " + disabled.config().providerName() + " is disabled", DISABLED_MESSAGE);
        } else if (choice instanceof MultiFactorChoice.Broken broken) {
            LOG.warnf("realm %s, user %s: %s; the login is refused until an administrator fixes it",
                    context.getRealm().getName(), user.getUsername(), broken.reason());
            refuse(context, AttemptOutcome.MULTI_FACTOR_MISCONFIGURED_ERROR, broken.reason(), UNAVAILABLE_MESSAGE);
        } else if (choice instanceof MultiFactorChoice.Ready ready) {
            Optional<SecondFactor> factor = ready.config().kind().map(FACTORS::get);
            if (factor.isEmpty()) {
                refuse(context, AttemptOutcome.MULTI_FACTOR_UNAVAILABLE_ERROR, "no " + ready.config().providerName()
                        + " second factor is installed in this flow", UNAVAILABLE_MESSAGE);
            } else {
                run(context, module, ready.config(), factor.get());
            }
        }
    }

    /**
     * The challenge, then the answer: without {@code multi_factor_response} a REST client gets Kazoo's 401
     * challenge and a browser the factor's page; with one, the factor checks it behind the account lock. A refused
     * answer in the browser shows the page again, as Keycloak's OTP form does.
     */
    private void run(AuthenticationFlowContext context, String module, ProviderConfig config, SecondFactor factor) {
        String response = context.getHttpRequest().getDecodedFormParameters().getFirst(RESPONSE_PARAMETER);
        if (response == null || response.isBlank()) {
            context.challenge(flow == FlowKind.BROWSER ? factor.browserPage(context, config, Optional.empty())
                    : MultiFactorChallenge.response(config.providerName(), factor.challengeSettings(context, config)));
            return;
        }
        LockGate.check(context, context.getUser(), module, flow, () -> verify(context, config, factor, response));
    }

    private boolean verify(AuthenticationFlowContext context, ProviderConfig config, SecondFactor factor,
                           String response) {
        Optional<String> refusal = factor.verify(context, config, response);
        if (refusal.isEmpty()) {
            context.success();
            return true;
        }
        context.getEvent().user(context.getUser()).detail(Details.REASON, refusal.get())
                .error(AttemptOutcome.MULTI_FACTOR_FAILED_ERROR);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, flow == FlowKind.BROWSER
                ? factor.browserPage(context, config, Optional.of(FAILED_MESSAGE))
                : flow.refusal(context, FAILED_MESSAGE, "second-factor authentication failed"));
        return false;
    }

    /** Refuses with the reason on the event (and so in the attempt log), never in the answer to the client. */
    private void refuse(AuthenticationFlowContext context, String error, String reason, String messageKey) {
        context.getEvent().user(context.getUser()).detail(Details.REASON, reason).error(error);
        context.failure(AuthenticationFlowError.ACCESS_DENIED, flow.refusal(context, messageKey,
                "second-factor authentication failed: " + (error.equals(AttemptOutcome.MULTI_FACTOR_DISABLED_ERROR)
                        ? reason : "not available for this account")));
    }
}
