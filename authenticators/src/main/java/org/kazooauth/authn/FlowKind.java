package org.kazooauth.authn;

import jakarta.ws.rs.core.Response;
import org.kazooauth.core.api.TokenEndpointBody;
import org.keycloak.authentication.AuthenticationFlowContext;

/**
 * Where a step runs decides how it refuses: a themed page in the browser, an OAuth error body on the token
 * endpoint (a direct-grant failure without a body makes Keycloak answer 500).
 */
public enum FlowKind {
    BROWSER,
    DIRECT_GRANT;

    /**
     * A 401 refusal.
     *
     * @param messageKey  the theme message shown in the browser
     * @param description the {@code error_description} of the direct grant
     */
    public Response refusal(AuthenticationFlowContext context, String messageKey, String description) {
        if (this == BROWSER) {
            return context.form().setError(messageKey).createErrorPage(Response.Status.UNAUTHORIZED);
        }
        return TokenEndpointError.response(TokenEndpointBody.of(TokenEndpointError.INVALID_CREDENTIALS, description));
    }
}
