package org.kazooauth.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.kazooauth.core.json.Json;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
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

    /**
     * One page of a listing, its rows ordered by their {@code id} so that a {@code start_key} (a row's id) always
     * finds its place; a {@code start_key} that names no row is a 400.
     */
    public static KazooPage of(Stream<? extends JsonNode> rows, Paging paging) {
        List<JsonNode> sorted = rows.sorted(Comparator.comparing(row -> row.path("id").asText()))
                .collect(Collectors.toList());
        int start = 0;
        if (paging.startKey().isPresent()) {
            start = -1;
            for (int i = 0; i < sorted.size() && start < 0; i++) {
                start = sorted.get(i).path("id").asText().equals(paging.startKey().get()) ? i : -1;
            }
            if (start < 0) {
                new ValidationErrors().add("start_key", "format", "start_key must be a next_start_key of an "
                        + "earlier page", null, null).throwIfAny();
            }
        }
        int end = Math.min(sorted.size(), start + paging.pageSize());
        ArrayNode data = Json.MAPPER.createArrayNode();
        sorted.subList(start, end).forEach(data::add);
        return new KazooPage(data, paging.startKey(), end < sorted.size()
                ? Optional.of(sorted.get(end).path("id").asText()) : Optional.empty());
    }
}
