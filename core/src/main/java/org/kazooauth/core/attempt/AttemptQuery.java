package org.kazooauth.core.attempt;

import org.kazooauth.core.api.Paging;
import org.kazooauth.core.api.ValidationErrors;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A page of an account's attempts, newest first, as Kazoo's listings take it: {@code created_from} and
 * {@code created_to} in Gregorian seconds (at most {@link #MAX_RANGE} apart, default: the last
 * {@link #MAX_RANGE}), {@code page_size} (as {@link Paging}) and {@code start_key} (the id of
 * the first attempt of the page, as a previous page's {@code next_start_key} gave it).
 */
public record AttemptQuery(Instant createdFrom, Instant createdTo, int pageSize, Optional<String> startKey,
                           Optional<String> authType) {

    /** Kazoo's {@code crossbar.maximum_range}: 31 days and an hour. */
    public static final Duration MAX_RANGE = Duration.ofSeconds(2_682_000);

    /** Reads the query parameters; every problem at once as a 400 {@code validation failed}. */
    public static AttemptQuery parse(Map<String, String> parameters, Instant now) {
        ValidationErrors errors = new ValidationErrors();
        Optional<Long> to = time(parameters, "created_to", errors);
        Optional<Long> from = time(parameters, "created_from", errors);
        Paging paging = Paging.parse(parameters, errors);
        errors.throwIfAny();

        Instant createdTo = to.map(LoginAttempt::fromGregorianSeconds).orElse(now);
        Instant createdFrom = from.map(LoginAttempt::fromGregorianSeconds).orElse(createdTo.minus(MAX_RANGE));
        if (createdFrom.isAfter(createdTo)) {
            errors.add("created_from", "date_range", "created_from is after created_to", null, null);
        } else if (Duration.between(createdFrom, createdTo).compareTo(MAX_RANGE) > 0) {
            errors.add("created_from", "date_range", "created_from is more than " + MAX_RANGE.toSeconds()
                    + " seconds before created_to", null, null);
        }
        int pageSize = paging.pageSize();
        Optional<String> startKey = paging.startKey();
        if (startKey.isPresent() && !LoginAttemptIds.isValid(startKey.get())) {
            errors.add("start_key", "format", "start_key must be a next_start_key of an earlier page", null, null);
        }
        errors.throwIfAny();
        return new AttemptQuery(createdFrom, createdTo, pageSize, startKey, Optional.empty());
    }

    /** The same query, narrowed to attempts of one {@code auth_type} (e.g. {@code multi_factor}). */
    public AttemptQuery ofAuthType(String type) {
        return new AttemptQuery(createdFrom, createdTo, pageSize, startKey, Optional.of(type));
    }

    /** Kazoo's Gregorian seconds from 1970 to the year 9999: what an instant and the database can hold. */
    private static final long FIRST_SECOND = LoginAttempt.GREGORIAN_OFFSET_SECONDS;
    private static final long LAST_SECOND = LoginAttempt.GREGORIAN_OFFSET_SECONDS + 253_402_300_799L;

    private static Optional<Long> time(Map<String, String> parameters, String name, ValidationErrors errors) {
        Optional<Long> seconds = number(parameters, name, errors);
        if (seconds.isPresent() && (seconds.get() < FIRST_SECOND || seconds.get() > LAST_SECOND)) {
            errors.add(name, "range", name + " must be Gregorian seconds from " + FIRST_SECOND + " (1970) to "
                    + LAST_SECOND + " (9999)", null, null);
            return Optional.empty();
        }
        return seconds;
    }

    private static Optional<Long> number(Map<String, String> parameters, String name, ValidationErrors errors) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            errors.add(name, "type", "Value did not match type(s): integer", null, null);
            return Optional.empty();
        }
    }
}
