package org.kazooauth.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.kazooauth.core.json.Json;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * A page of a Kazoo listing: its rows, the {@code start_key} it was asked for, and the {@code next_start_key}
 * that fetches the following page when there is one.
 */
public record KazooPage(ArrayNode data, Optional<String> startKey, Optional<String> nextStartKey) {

    /** A whole listing on one page. */
    public static KazooPage of(Stream<? extends JsonNode> rows) {
        ArrayNode data = Json.MAPPER.createArrayNode();
        rows.forEach(data::add);
        return new KazooPage(data, Optional.empty(), Optional.empty());
    }
}
