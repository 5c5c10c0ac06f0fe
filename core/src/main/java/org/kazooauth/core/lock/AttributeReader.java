package org.kazooauth.core.lock;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads the system settings of the lock and the rate limit from realm attributes. A value that cannot be used is
 * reported to {@code problems} and its default is used instead, so a typo never switches a protection off.
 */
record AttributeReader(Function<String, String> attribute, Consumer<String> problems) {

    boolean on(String name) {
        return Boolean.parseBoolean(trimmed(attribute.apply(name)));
    }

    long positive(String name, long fallback) {
        return atLeast(name, 1, fallback);
    }

    long atLeast(String name, long least, long fallback) {
        return value(name, fallback, text -> {
            long number = Long.parseLong(text);
            if (number < least) {
                throw new IllegalArgumentException("must be at least " + least);
            }
            return number;
        });
    }

    /** Kazoo's bucket settings under {@code prefix}: {@code max_bucket_tokens}, {@code tokens_fill_rate/_time}. */
    BucketSettings bucket(String prefix, BucketSettings defaults) {
        long max = positive(prefix + "max_bucket_tokens", defaults.maxTokens());
        long rate = positive(prefix + "tokens_fill_rate", defaults.fillRate());
        Duration fillTime = value(prefix + "tokens_fill_time", defaults.fillTime(), BucketSettings::fillTime);
        return new BucketSettings(max, rate, fillTime);
    }

    /** Kazoo's {@code crossbar.token_costs} of each module. */
    Map<String, Long> costs(Iterable<String> modules) {
        Map<String, Long> costs = new HashMap<>();
        for (String module : modules) {
            costs.put(module, positive(LockSettings.TOKEN_COST_PREFIX + module, BucketSettings.COST));
        }
        return costs;
    }

    <T> T value(String name, T fallback, Function<String, T> parse) {
        String text = trimmed(attribute.apply(name));
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            problems.accept("realm attribute " + name + " = '" + text + "' cannot be used ("
                    + e.getMessage() + "); using " + fallback);
            return fallback;
        }
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
