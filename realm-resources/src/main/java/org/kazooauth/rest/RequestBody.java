package org.kazooauth.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.api.ValidationErrors;
import org.kazooauth.core.json.Json;

import java.util.List;

/** Reads Kazoo request bodies, {@code {"data": {...}}}; anything else is a 400 that says what was expected. */
final class RequestBody {

    static final int MAX_LENGTH = 64 * 1024;

    private RequestBody() {
    }

    static ObjectNode data(String body) {
        return (ObjectNode) envelope(body).get("data");
    }

    /**
     * Kazoo's {@code {"action": "...", "data": {}}} (the action may also stand inside {@code data}): the action,
     * which must be one of {@code actions}.
     */
    static String action(String body, List<String> actions) {
        ObjectNode envelope = envelope(body);
        JsonNode action = envelope.has("action") ? envelope.get("action") : envelope.get("data").get("action");
        ValidationErrors errors = new ValidationErrors();
        if (action == null) {
            errors.required("action");
        } else if (!action.isTextual() || !actions.contains(action.asText())) {
            errors.add("action", "enum", "Value not found in enumerated list of values",
                    Json.MAPPER.valueToTree(actions), action);
        }
        errors.throwIfAny();
        return action.asText();
    }

    private static ObjectNode envelope(String body) {
        if (body == null || body.isBlank()) {
            throw KazooException.invalidData("send a JSON body of the form {\"data\": {...}}");
        }
        if (body.length() > MAX_LENGTH) {
            throw KazooException.invalidData("the body is larger than " + MAX_LENGTH + " characters");
        }
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            // Jackson's limits (nesting depth, number length) say where only sometimes
            throw KazooException.invalidData("the body is not valid JSON" + (e.getLocation() == null ? " ("
                    + e.getOriginalMessage() + ")" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")") + "; send {\"data\": {...}}");
        }
        if (!(parsed instanceof ObjectNode envelope) || !(envelope.get("data") instanceof ObjectNode)) {
            throw KazooException.invalidData("the body must be a JSON object with a \"data\" object: {\"data\": {...}}");
        }
        return envelope;
    }
}
