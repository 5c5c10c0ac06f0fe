package org.kazooauth.authn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.mfa.ProviderConfig;
import org.keycloak.authentication.AuthenticationFlowContext;

import java.util.Optional;

/**
 * One provider's second factor: a challenge (Kazoo's {@code multi_factor_request} for REST clients, a page for
 * browsers), then the {@code multi_factor_response} checked.
 */
interface SecondFactor {

    /**
     * The {@code settings} of the challenge: what the client needs to answer it, never a secret.
     *
     * @throws Unavailable when the provider cannot be reached or its config cannot be used
     */
    ObjectNode challengeSettings(AuthenticationFlowContext context, ProviderConfig config);

    /**
     * Checks the client's response; empty when it proves the second factor, else why not (for logs only).
     *
     * @throws Unavailable when the provider config cannot be used
     */
    Optional<String> verify(AuthenticationFlowContext context, ProviderConfig config, String response);

    /**
     * The browser's page for it, with {@code errorKey}'s message when the last answer was refused; it posts the
     * answer as {@code multi_factor_response}, the name the REST retry uses.
     *
     * @throws Unavailable when the provider cannot be reached or its config cannot be used
     */
    Response browserPage(AuthenticationFlowContext context, ProviderConfig config, Optional<String> errorKey);

    /** The client's answer in this request, if it brings one: the form's {@code multi_factor_response}. */
    default Optional<String> response(AuthenticationFlowContext context) {
        return Optional.ofNullable(context.getHttpRequest().getDecodedFormParameters()
                .getFirst(MultiFactorStepAuthenticator.RESPONSE_PARAMETER)).filter(response -> !response.isBlank());
    }

    /**
     * The second factor cannot run: its provider is unreachable (the login fails closed, or open where the step's
     * options say so) or its config is unusable (always closed, with an event for the administrators).
     */
    final class Unavailable extends RuntimeException {

        private final boolean misconfigured;
        private final boolean failOpen;

        private Unavailable(String reason, boolean misconfigured, boolean failOpen) {
            super(reason, null, false, false);
            this.misconfigured = misconfigured;
            this.failOpen = failOpen;
        }

        static Unavailable unreachable(String reason, boolean failOpen) {
            return new Unavailable(reason, false, failOpen);
        }

        static Unavailable misconfigured(String reason) {
            return new Unavailable(reason, true, false);
        }

        boolean misconfigured() {
            return misconfigured;
        }

        boolean failOpen() {
            return failOpen;
        }
    }
}
