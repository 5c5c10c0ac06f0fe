package org.kazooauth.core.attempt;

import org.kazooauth.core.api.RequestIds;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Kazoo's attempt ids ({@code kazoo_modb_util:modb_id}): the month in UTC, a dash, 32 random hex digits. */
public final class LoginAttemptIds {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM").withZone(ZoneOffset.UTC);
    private static final Pattern VALID = Pattern.compile("\\d{6}-[0-9a-f]{32}");

    private LoginAttemptIds() {
    }

    public static String generate(Instant at) {
        return MONTH.format(at) + "-" + RequestIds.generate();
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
