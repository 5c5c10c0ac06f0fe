package org.kazooauth.core.lock;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Kazoo's crossbar rate limit on logins ({@code token_buckets.crossbar}): a bucket per client IP and account,
 * paid by every login request before the lock is asked. Off unless switched on: with Kazoo's numbers (100 tokens,
 * 10 back per second, 35 a login) an office behind one address gets 429 from its third login in a second.
 *
 * @param enabled whether login requests pay into the rate buckets
 * @param bucket  the bucket's size and refill
 * @param costs   what a login costs per auth module (Kazoo's {@code crossbar.token_costs}, shared with the lock)
 */
public record RateLimitSettings(boolean enabled, BucketSettings bucket, Map<String, Long> costs) {

    /** The pack's switch (Kazoo always rate-limited). */
    public static final String ENABLED = "kazoo.crossbar.rate_limit_logins";
    private static final String BUCKET = "kazoo.token_buckets.crossbar.";
    public static final String MAX_BUCKET_TOKENS = BUCKET + "max_bucket_tokens";
    public static final String TOKENS_FILL_RATE = BUCKET + "tokens_fill_rate";
    public static final String TOKENS_FILL_TIME = BUCKET + "tokens_fill_time";

    /** Kazoo's defaults: 100 tokens, 10 back every second. */
    public static final BucketSettings KAZOO_BUCKET = new BucketSettings(100, 10, Duration.ofSeconds(1));

    public static final RateLimitSettings OFF = new RateLimitSettings(false, KAZOO_BUCKET, Map.of());

    public RateLimitSettings {
        costs = Map.copyOf(costs);
    }

    public long cost(String module) {
        return costs.getOrDefault(module, BucketSettings.COST);
    }

    public static RateLimitSettings of(Function<String, String> attribute, Iterable<String> modules,
                                       Consumer<String> problems) {
        AttributeReader read = new AttributeReader(attribute, problems);
        if (!read.on(ENABLED)) {
            return OFF;
        }
        return new RateLimitSettings(true, read.bucket(BUCKET, KAZOO_BUCKET), read.costs(modules));
    }
}
