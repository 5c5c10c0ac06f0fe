package org.kazooauth.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.json.Json;

/** Reads Kazoo request bodies, {@code {"data": {...}}}; anything else is a 400 that says what was expected. */
final class RequestBody {

    static final int MAX_LENGTH = 64 * 1024;

    private RequestBody() {
    }

    static ObjectNode data(String body) {
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
            throw KazooException.invalidData("the body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "); send {\"data\": {...}}");
        }
        if (!(parsed instanceof ObjectNode envelope) || !(envelope.get("data") instanceof ObjectNode data)) {
            throw KazooException.invalidData("the body must be a JSON object with a \"data\" object: {\"data\": {...}}");
        }
        return data;
    }
}
