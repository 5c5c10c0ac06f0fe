package org.kazooauth.core.lock;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The account lock's system settings, read from realm attributes named after Kazoo's system configs (DESIGN §2).
 * Off unless switched on, as in Kazoo; when on, the bucket defaults to Kazoo's recommended settings rather than
 * to its generic bucket defaults, with which a lock lasted about a second.
 *
 * @param enabled whether failed logins drain buckets and empty buckets refuse logins
 * @param bucket  the bucket's size and refill
 * @param scope   whose bucket a failure drains
 * @param costs   the cost of a failure per auth module, where it differs from {@link BucketSettings#COST}
 */
public record LockSettings(boolean enabled, BucketSettings bucket, LockScope scope, Map<String, Long> costs) {

    public static final String ENABLED = "kazoo.crossbar.auth.lock_account_on_failed_attempts";
    public static final String SCOPE = "kazoo.crossbar.auth.lock_scope";
    private static final String BUCKET = "kazoo.token_buckets.crossbar_auth_bucket.";
    public static final String MAX_BUCKET_TOKENS = BUCKET + "max_bucket_tokens";
    public static final String TOKENS_FILL_RATE = BUCKET + "tokens_fill_rate";
    public static final String TOKENS_FILL_TIME = BUCKET + "tokens_fill_time";
    /** Followed by the auth module: {@code kazoo.crossbar.token_costs.cb_user_auth}. */
    public static final String TOKEN_COST_PREFIX = "kazoo.crossbar.token_costs.";

    public static final LockSettings OFF = new LockSettings(false, BucketSettings.recommended(), LockScope.ACCOUNT, Map.of());

    public LockSettings {
        costs = Map.copyOf(costs);
    }

    /** What a failed login through {@code module} costs. */
    public long cost(String module) {
        return costs.getOrDefault(module, BucketSettings.COST);
    }

    /**
     * The settings in {@code attribute} (a realm attribute by name, {@code null} when unset). A value that cannot
     * be used is reported to {@code problems} and its default is used instead, so a typo never switches the lock off.
     *
     * @param modules the auth modules whose costs to read
     */
    public static LockSettings of(Function<String, String> attribute, Iterable<String> modules, Consumer<String> problems) {
        if (!Boolean.parseBoolean(trimmed(attribute.apply(ENABLED)))) {
            return OFF;
        }
        Reader read = new Reader(attribute, problems);
        long max = read.positive(MAX_BUCKET_TOKENS, BucketSettings.MAX_TOKENS);
        long rate = read.positive(TOKENS_FILL_RATE, BucketSettings.FILL_RATE);
        Duration fillTime = read.value(TOKENS_FILL_TIME, Duration.ofHours(1), BucketSettings::fillTime);
        LockScope scope = read.value(SCOPE, LockScope.ACCOUNT, name -> LockScope.ofKazooName(name).orElseThrow(
                () -> new IllegalArgumentException("must be account, user or both")));
        Map<String, Long> costs = new HashMap<>();
        for (String module : modules) {
            costs.put(module, read.positive(TOKEN_COST_PREFIX + module, BucketSettings.COST));
        }
        return new LockSettings(true, new BucketSettings(max, rate, fillTime), scope, costs);
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    private record Reader(Function<String, String> attribute, Consumer<String> problems) {

        long positive(String name, long fallback) {
            return value(name, fallback, text -> {
                long number = Long.parseLong(text);
                if (number < 1) {
                    throw new IllegalArgumentException("must be at least 1");
                }
                return number;
            });
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
    }
}
