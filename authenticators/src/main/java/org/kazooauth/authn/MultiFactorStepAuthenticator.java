package org.kazooauth.authn;

import org.jboss.logging.Logger;
import org.kazooauth.core.attempt.AttemptOutcome;
import org.kazooauth.core.keycloak.KazooGate;
import org.kazooauth.core.keycloak.KazooMetrics;
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
 * config hands over to its provider's {@link SecondFactor}. A provider that cannot be reached fails closed, or
 * open where the step's options say so; an unusable config always fails closed.
 */
public final class MultiFactorStepAuthenticator extends KazooStep {

    private static final Logger LOG = Logger.getLogger(MultiFactorStepAuthenticator.class);
    static final String DISABLED_MESSAGE = "kazooMultiFactorDisabled";
    static final String UNAVAILABLE_MESSAGE = "kazooMultiFactorUnavailable";
    static final String FAILED_MESSAGE = "kazooMultiFactorFailed";
    /** The form parameter of Kazoo's retried request (its body's {@code multi_factor_response}). */
    static final String RESPONSE_PARAMETER = "multi_factor_response";
    private final FlowKind flow;
    /** The second factors installed, by provider. */
    private final Map<ProviderKind, SecondFactor> factors;

    MultiFactorStepAuthenticator(FlowKind flow, DuoClients duo) {
        this.flow = flow;
        this.factors = Map.of(ProviderKind.HMAC_TOTP, HmacTokenFactor.INSTANCE, ProviderKind.DUO, new DuoFactor(duo));
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        KazooRealm kazoo = KazooRealm.of(context.getSession(), context.getRealm());
        String module = KazooStepConfig.of(context.getAuthenticatorConfig()).authModule();
        // Duo's callback is a request of its own: its events name the module and account too
        LoginEvents.annotate(context, user, module);
        ProviderConfigs providers = kazoo.providerConfigs();
        MultiFactorChoice choice = MultiFactorChoice.choose(kazoo.settingsFor(user, module).multiFactor(),
                providers::find, kazoo.defaultMultiFactorProvider());
        if (choice instanceof MultiFactorChoice.NoProvider) {
            context.getEvent().clone().user(user)
                    .detail(Details.REASON, "no multi factor authentication provider is configured")
                    .error(AttemptOutcome.NO_MULTI_FACTOR_PROVIDER_ERROR);
            KazooMetrics.secondFactor("none", "no_provider");
            satisfied(context, "no_provider");
        } else if (choice instanceof MultiFactorChoice.Disabled disabled) {
            KazooMetrics.secondFactor(disabled.config().providerName(), "disabled");
            refuse(context, AttemptOutcome.MULTI_FACTOR_DISABLED_ERROR,
                    "provider " + disabled.config().providerName() + " is disabled", DISABLED_MESSAGE);
        } else if (choice instanceof MultiFactorChoice.Broken broken) {
            misconfigured(context, "unknown", broken.reason());
        } else if (choice instanceof MultiFactorChoice.Ready ready) {
            run(context, module, ready.config(), factors.get(ready.config().kind().orElseThrow()));
        }
    }

    private void misconfigured(AuthenticationFlowContext context, String provider, String reason) {
        KazooMetrics.secondFactor(provider, "misconfigured");
        LOG.warnf("realm %s, user %s: %s; the login is refused until an administrator fixes it",
                context.getRealm().getName(), context.getUser().getUsername(), reason);
        refuse(context, AttemptOutcome.MULTI_FACTOR_MISCONFIGURED_ERROR, reason, UNAVAILABLE_MESSAGE);
    }

    /**
     * The challenge, then the answer: without {@code multi_factor_response} a REST client gets Kazoo's 401
     * challenge and a browser the factor's page; with one, the factor checks it behind the account lock. A refused
     * answer in the browser shows the factor's page again, as Keycloak's OTP form does.
     */
    private void run(AuthenticationFlowContext context, String module, ProviderConfig config, SecondFactor factor) {
        try {
            Optional<String> response = factor.response(context);
            if (response.isEmpty()) {
                context.challenge(flow == FlowKind.BROWSER ? factor.browserPage(context, config, Optional.empty())
                        : MultiFactorChallenge.response(config.providerName(), factor.challengeSettings(context, config)));
                return;
            }
            LockGate.check(context, context.getUser(), module, flow,
                    () -> LockGate.Judgement.of(verify(context, config, factor, response.get())));
        } catch (SecondFactor.Unavailable unavailable) {
            unavailable(context, config, unavailable);
        }
    }

    private boolean verify(AuthenticationFlowContext context, ProviderConfig config, SecondFactor factor,
                           String response) {
        Optional<String> refusal = factor.verify(context, config, response);
        KazooMetrics.secondFactor(config.providerName(), refusal.isEmpty() ? "passed" : "failed");
        if (refusal.isEmpty()) {
            satisfied(context, config.providerName());
            return true;
        }
        context.getEvent().user(context.getUser()).detail(Details.REASON, refusal.get())
                .error(AttemptOutcome.MULTI_FACTOR_FAILED_ERROR);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, flow == FlowKind.BROWSER
                ? factor.browserPage(context, config, Optional.of(FAILED_MESSAGE))
                : flow.refusal(context, FAILED_MESSAGE, "second-factor authentication failed"));
        return false;
    }

    /**
     * The provider cannot run: an unusable config is refused with a warning for the administrators; an
     * unreachable provider is refused (fail closed) or, where the step fails open, let through with the event
     * saying so.
     */
    private void unavailable(AuthenticationFlowContext context, ProviderConfig config,
                             SecondFactor.Unavailable unavailable) {
        String reason = unavailable.getMessage();
        if (unavailable.misconfigured()) {
            misconfigured(context, config.providerName(), reason);
        } else if (unavailable.failOpen()) {
            KazooMetrics.secondFactor(config.providerName(), "failed_open");
            LOG.warnf("realm %s, user %s: %s; the login goes on without %s (fail mode open)",
                    context.getRealm().getName(), context.getUser().getUsername(), reason, config.providerName());
            context.getEvent().clone().user(context.getUser())
                    .detail(Details.REASON, reason + "; the login went on without it (fail mode open)")
                    .error(AttemptOutcome.MULTI_FACTOR_FAILED_OPEN_ERROR);
            satisfied(context, "failed_open");
        } else {
            KazooMetrics.secondFactor(config.providerName(), "unavailable");
            refuse(context, AttemptOutcome.MULTI_FACTOR_UNAVAILABLE_ERROR, reason, UNAVAILABLE_MESSAGE);
        }
    }

    /**
     * The account's second-factor rule is satisfied: the session remembers how, so grants that stand on it later
     * (token exchange, device) and its SSO cookie need not ask again.
     */
    private static void satisfied(AuthenticationFlowContext context, String how) {
        context.getAuthenticationSession().setUserSessionNote(KazooGate.MULTI_FACTOR_NOTE, how);
        context.success();
    }

    /** Refuses with the reason on the event (and so in the attempt log), never in the answer to the client. */
    private void refuse(AuthenticationFlowContext context, String error, String reason, String messageKey) {
        context.getEvent().user(context.getUser()).detail(Details.REASON, reason).error(error);
        context.failure(AuthenticationFlowError.ACCESS_DENIED, flow.refusal(context, messageKey,
                "second-factor authentication failed: " + (error.equals(AttemptOutcome.MULTI_FACTOR_DISABLED_ERROR)
                        ? reason : "not available for this account")));
    }
}
