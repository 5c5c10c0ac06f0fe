package org.kazooauth.core.api;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.Optional;

/**
 * A page of a Kazoo listing: its rows, the {@code start_key} it was asked for, and the {@code next_start_key}
 * that fetches the following page when there is one.
 */
public record KazooPage(ArrayNode data, Optional<String> startKey, Optional<String> nextStartKey) {
}
