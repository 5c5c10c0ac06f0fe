package org.kazooauth.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.json.Json;
import org.keycloak.OAuth2Constants;

import java.util.Optional;

/**
 * The body of a Kazoo refusal on the token endpoint, which both kinds of client read: OAuth's {@code error} and
 * {@code error_description}, and Kazoo's {@code message} (its error word) and {@code data}. The Kazoo flow steps
 * write it; {@code PUT /v2/user_auth} reads it back into Kazoo's envelope. One class, so both sides agree.
 */
public final class TokenEndpointBody {

    /** The body's field with Kazoo's error word. */
    public static final String KAZOO_MESSAGE = "message";
    /** The body's field with Kazoo's {@code data}. */
    public static final String KAZOO_DATA = "data";

    private TokenEndpointBody() {
    }

    /** OAuth's {@code invalid_grant} with {@code description}, Kazoo's word and {@code data.message}. */
    public static ObjectNode of(String kazooMessage, String description) {
        ObjectNode body = Json.object();
        body.put(OAuth2Constants.ERROR, "invalid_grant");
        body.put(OAuth2Constants.ERROR_DESCRIPTION, description);
        body.put(KAZOO_MESSAGE, kazooMessage);
        body.putObject(KAZOO_DATA).put("message", description);
        return body;
    }

    /**
     * A Kazoo answer: its word and data, under OAuth's error for its status (a retryable one is
     * {@code temporarily_unavailable}, so OAuth clients know to try again).
     */
    public static ObjectNode of(KazooException answer) {
        String description = answer.data().path("message").asText(answer.kazooMessage());
        ObjectNode body = of(answer.kazooMessage(), description);
        if (answer.retryAfterSeconds() > 0) {
            body.put(OAuth2Constants.ERROR, "temporarily_unavailable");
        }
        return body;
    }

    /** The Kazoo answer a token endpoint body carries, when a Kazoo step wrote it. */
    public static Optional<KazooException> read(JsonNode body, int status, long retryAfterSeconds) {
        if (body.path(KAZOO_MESSAGE).isTextual() && body.path(KAZOO_DATA) instanceof ObjectNode data) {
            return Optional.of(new KazooException(status, body.path(KAZOO_MESSAGE).asText(), data, retryAfterSeconds));
        }
        return Optional.empty();
    }
}
