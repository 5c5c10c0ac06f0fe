package org.kazooauth.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Locale;
import java.util.Optional;

/** The JSON types a leaf of Kazoo's auth config schema can have, and how each is read from attribute text. */
public enum LeafType {
    BOOLEAN("boolean"),
    INTEGER("integer"),
    STRING("string");

    private final String schemaName;

    LeafType(String schemaName) {
        this.schemaName = schemaName;
    }

    /** The type's name in JSON schema, used in validation messages. */
    public String schemaName() {
        return schemaName;
    }

    /** Whether a JSON value has this type. */
    public boolean accepts(JsonNode value) {
        return switch (this) {
            case BOOLEAN -> value.isBoolean();
            case INTEGER -> value.isIntegralNumber() && value.canConvertToLong();
            case STRING -> value.isTextual();
        };
    }

    /** Reads an attribute's text as a value of this type; empty when the text is not one. */
    public Optional<JsonNode> parse(String text) {
        String trimmed = text.trim();
        return switch (this) {
            case BOOLEAN -> switch (trimmed.toLowerCase(Locale.ROOT)) {
                case "true" -> Optional.of(BooleanNode.TRUE);
                case "false" -> Optional.of(BooleanNode.FALSE);
                default -> Optional.empty();
            };
            case INTEGER -> {
                try {
                    long number = Long.parseLong(trimmed);
                    // the node Jackson's parser makes for the same JSON, so configs compare equal
                    yield Optional.of(number == (int) number ? IntNode.valueOf((int) number) : LongNode.valueOf(number));
                } catch (NumberFormatException e) {
                    yield Optional.empty();
                }
            }
            case STRING -> Optional.of(TextNode.valueOf(text));
        };
    }

}
