package org.kazooauth.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.api.ValidationErrors;

/** Fields a request's {@code data} must carry as non-empty strings; a 400 naming each one that does not. */
final class RequiredFields {

    private RequiredFields() {
    }

    static void check(ObjectNode data, String... fields) {
        ValidationErrors errors = new ValidationErrors();
        for (String field : fields) {
            JsonNode value = data.get(field);
            if (value == null || value.isNull()) {
                errors.required(field);
            } else if (!value.isTextual() || value.asText().isBlank()) {
                errors.wrongType(field, "string", value);
            }
        }
        errors.throwIfAny();
    }
}
