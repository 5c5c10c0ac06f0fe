package org.kazooauth.authn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.json.Json;
import org.keycloak.OAuth2Constants;

/**
 * A refusal on the token endpoint that both kinds of client read: OAuth's {@code error} and
 * {@code error_description}, and Kazoo's {@code message} (its error word) and {@code data}, which
 * {@code PUT /v2/user_auth} passes on in Kazoo's envelope.
 */
public final class TokenEndpointError {

    /** Kazoo's error word for refused credentials. */
    public static final String INVALID_CREDENTIALS = KazooException.LOGIN_REFUSED;
    /** The body's field with Kazoo's error word. */
    public static final String KAZOO_MESSAGE = "message";
    /** The body's field with Kazoo's {@code data}. */
    public static final String KAZOO_DATA = "data";

    private TokenEndpointError() {
    }

    /** The body: OAuth's {@code invalid_grant} with {@code description}, Kazoo's word and {@code data.message}. */
    static ObjectNode body(String kazooMessage, String description) {
        ObjectNode body = Json.object();
        body.put(OAuth2Constants.ERROR, "invalid_grant");
        body.put(OAuth2Constants.ERROR_DESCRIPTION, description);
        body.put(KAZOO_MESSAGE, kazooMessage);
        body.putObject(KAZOO_DATA).put("message", description);
        return body;
    }

    /**
     * The body of a Kazoo answer: its word and data, under OAuth's error for its status (a retryable one is
     * {@code temporarily_unavailable}, so OAuth clients know to try again).
     */
    static ObjectNode body(KazooException answer) {
        String description = answer.data().path("message").asText(answer.kazooMessage());
        ObjectNode body = body(answer.kazooMessage(), description);
        if (answer.retryAfterSeconds() > 0) {
            body.put(OAuth2Constants.ERROR, "temporarily_unavailable");
        }
        return body;
    }

    static Response response(ObjectNode body) {
        return response(Response.Status.UNAUTHORIZED.getStatusCode(), body);
    }

    static Response response(int status, ObjectNode body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Json.write(body)).build();
    }
}
