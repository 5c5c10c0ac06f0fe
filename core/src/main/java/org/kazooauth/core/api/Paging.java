package org.kazooauth.core.api;

import java.util.Map;
import java.util.Optional;

/**
 * Kazoo's paging of a listing: {@code page_size} rows (default {@value #DEFAULT_PAGE_SIZE}, at most
 * {@value #MAX_PAGE_SIZE}) from the row whose key is {@code start_key}, as an earlier page's {@code next_start_key}
 * gave it.
 */
public record Paging(int pageSize, Optional<String> startKey) {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;

    /** Reads {@code page_size} and {@code start_key}, adding what is wrong to {@code errors}. */
    public static Paging parse(Map<String, String> parameters, ValidationErrors errors) {
        String size = parameters.get("page_size");
        int pageSize = DEFAULT_PAGE_SIZE;
        if (size != null && !size.isEmpty()) {
            try {
                pageSize = Integer.parseInt(size.trim());
            } catch (NumberFormatException e) {
                errors.add("page_size", "type", "Value did not match type(s): integer", null, null);
            }
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                errors.add("page_size", "range", "page_size must be from 1 to " + MAX_PAGE_SIZE, null, null);
            }
        }
        return new Paging(pageSize, Optional.ofNullable(parameters.get("start_key")).filter(key -> !key.isEmpty()));
    }

    /** Reads them as {@link #parse(Map, ValidationErrors)}; a 400 when they are wrong. */
    public static Paging parse(Map<String, String> parameters) {
        ValidationErrors errors = new ValidationErrors();
        Paging paging = parse(parameters, errors);
        errors.throwIfAny();
        return paging;
    }
}
