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

    /** The {@code settings} of the challenge: what the client needs to answer it, never a secret. */
    ObjectNode challengeSettings(AuthenticationFlowContext context, ProviderConfig config);

    /** Checks the client's response; empty when it proves the second factor, else why not (for logs only). */
    Optional<String> verify(AuthenticationFlowContext context, ProviderConfig config, String response);

    /**
     * The browser's page for it, with {@code errorKey}'s message when the last answer was refused; it posts the
     * answer as {@code multi_factor_response}, the name the REST retry uses.
     */
    Response browserPage(AuthenticationFlowContext context, ProviderConfig config, Optional<String> errorKey);
}
