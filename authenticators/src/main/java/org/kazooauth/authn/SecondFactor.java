package org.kazooauth.authn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.mfa.ProviderConfig;
import org.keycloak.authentication.AuthenticationFlowContext;

import java.util.Optional;

/**
 * One provider's second factor, as Kazoo's REST clients meet it: a {@code multi_factor_request} to act on, then
 * their {@code multi_factor_response} checked.
 */
interface SecondFactor {

    /** The {@code settings} of the challenge: what the client needs to answer it, never a secret. */
    ObjectNode challengeSettings(AuthenticationFlowContext context, ProviderConfig config);

    /** Checks the client's response; empty when it proves the second factor, else why not (for logs only). */
    Optional<String> verify(AuthenticationFlowContext context, ProviderConfig config, String response);
}
