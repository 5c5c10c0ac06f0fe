package org.kazooauth.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.json.Json;

/**
 * Collects validation errors keyed like Kazoo's ({@code kz_json_schema}):
 * {@code {"<field.path>": {"<rule>": {"message": "...", "target": ..., "value": ...}}}}, all reported at once.
 */
public final class ValidationErrors {

    private final ObjectNode errors = Json.object();

    public ValidationErrors add(String field, String rule, String message, JsonNode target, JsonNode value) {
        ObjectNode error = (errors.has(field) ? (ObjectNode) errors.get(field) : errors.putObject(field)).putObject(rule);
        error.put("message", message);
        if (target != null) {
            error.set("target", target);
        }
        if (value != null) {
            error.set("value", value);
        }
        return this;
    }

    public ValidationErrors required(String field) {
        return add(field, "required", "Field is required but missing", null, null);
    }

    public ValidationErrors notAllowed(String field, JsonNode value) {
        return add(field, "additionalProperties",
                "Strict checking of data is enabled; only include schema-defined properties", null, value);
    }

    public ValidationErrors wrongType(String field, String expectedType, JsonNode value) {
        return add(field, "type", "Value did not match type(s): " + expectedType,
                Json.MAPPER.getNodeFactory().textNode(expectedType), value);
    }

    public ValidationErrors belowMinimum(String field, long minimum, JsonNode value) {
        return add(field, "minimum", "Value must be at least " + minimum,
                Json.MAPPER.getNodeFactory().numberNode(minimum), value);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws the 400 {@code validation failed} with every error collected, if there is any. */
    public void throwIfAny() {
        if (!isEmpty()) {
            throw KazooException.validationFailed(errors.deepCopy());
        }
    }
}
