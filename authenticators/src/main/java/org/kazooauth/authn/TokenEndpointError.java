package org.kazooauth.authn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.api.TokenEndpointBody;
import org.kazooauth.core.json.Json;

/** Kazoo's refusals on the token endpoint as responses; their body is {@link TokenEndpointBody}. */
public final class TokenEndpointError {

    /** Kazoo's error word for refused credentials. */
    public static final String INVALID_CREDENTIALS = KazooException.LOGIN_REFUSED;

    private TokenEndpointError() {
    }

    static Response response(ObjectNode body) {
        return response(Response.Status.UNAUTHORIZED.getStatusCode(), body);
    }

    static Response response(int status, ObjectNode body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Json.write(body)).build();
    }
}
