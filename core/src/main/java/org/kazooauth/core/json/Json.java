package org.kazooauth.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** The one ObjectMapper of the pack, and Kazoo's deep merge ({@code kz_json:merge_recursive}). */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Parses JSON text; text that is not JSON is an {@link IllegalArgumentException}. */
    public static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /**
     * Deep-merges {@code overlay} onto a copy of {@code base}: objects merge key by key, the overlay's value
     * wins for everything else (scalars and arrays are replaced whole, as Kazoo does). Neither input changes.
     */
    public static ObjectNode merge(ObjectNode base, ObjectNode overlay) {
        ObjectNode result = base.deepCopy();
        mergeInto(result, overlay);
        return result;
    }

    private static void mergeInto(ObjectNode target, ObjectNode overlay) {
        for (Map.Entry<String, JsonNode> field : overlay.properties()) {
            JsonNode existing = target.get(field.getKey());
            JsonNode value = field.getValue();
            if (existing instanceof ObjectNode existingObject && value instanceof ObjectNode valueObject) {
                mergeInto(existingObject, valueObject);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }
}
