package org.kazooauth.authn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.api.TokenEndpointBody;

/**
 * Kazoo's 401 second-factor challenge (seed 000 step 7) as the token endpoint answers it: OAuth's
 * {@code error}/{@code error_description} for OAuth clients, and Kazoo's {@code data} with the message (under
 * both spellings in use) and the {@code multi_factor_request} for Kazoo clients.
 */
final class MultiFactorChallenge {

    static final String MESSAGE = "client needs to perform second-factor authentication";

    private MultiFactorChallenge() {
    }

    static Response response(String providerName, ObjectNode settings) {
        ObjectNode body = TokenEndpointBody.of(TokenEndpointError.INVALID_CREDENTIALS, MESSAGE);
        ObjectNode data = (ObjectNode) body.get(TokenEndpointBody.KAZOO_DATA);
        data.put("messages", MESSAGE);
        ObjectNode request = data.putObject("multi_factor_request");
        request.put("provider_name", providerName);
        request.set("settings", settings);
        return TokenEndpointError.response(body);
    }
}
