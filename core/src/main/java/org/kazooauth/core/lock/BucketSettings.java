package org.kazooauth.core.lock;

import java.time.Duration;
import java.util.Locale;

/**
 * Kazoo's {@code token_buckets.crossbar_auth_bucket}: how many tokens a bucket holds, how many come back per
 * period, and the period. The recommended settings, the defaults here: 175 tokens, 175 back every hour, so with a
 * cost of 35 per failure, the 5th failure locks for up to an hour.
 *
 * @param maxTokens the bucket's size, and how it starts
 * @param fillRate  tokens added at the end of each whole period
 * @param fillTime  the period
 */
public record BucketSettings(long maxTokens, long fillRate, Duration fillTime) {

    public static final long MAX_TOKENS = 175;
    public static final long FILL_RATE = 175;
    public static final long COST = 35;

    public BucketSettings {
        if (maxTokens < 1 || fillRate < 1 || fillTime.isNegative() || fillTime.isZero()) {
            throw new IllegalArgumentException("max tokens and fill rate must be at least 1, fill time positive");
        }
    }

    public static BucketSettings recommended() {
        return new BucketSettings(MAX_TOKENS, FILL_RATE, Duration.ofHours(1));
    }

    /** Kazoo's {@code tokens_fill_time} words; also a number of seconds, for tests that cannot wait an hour. */
    public static Duration fillTime(String kazooWord) {
        return switch (kazooWord.trim().toLowerCase(Locale.ROOT)) {
            case "second" -> Duration.ofSeconds(1);
            case "minute" -> Duration.ofMinutes(1);
            case "hour" -> Duration.ofHours(1);
            case "day" -> Duration.ofDays(1);
            default -> {
                try {
                    yield Duration.ofSeconds(Long.parseLong(kazooWord.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("tokens_fill_time must be second, minute, hour, day or a "
                            + "number of seconds, not '" + kazooWord + "'");
                }
            }
        };
    }
}
