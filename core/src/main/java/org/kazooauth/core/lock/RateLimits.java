package org.kazooauth.core.lock;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate buckets of this node, in memory as Kazoo's were: a limit on how fast one address may try, not a record
 * of anything, so it need not outlive the node nor be shared (behind a load balancer of N nodes an address gets up
 * to N times the rate). Full buckets are forgotten once the map grows, as Kazoo reaped idle ones.
 */
public final class RateLimits {

    /** The node's: every realm and request shares it; keys carry the realm. */
    public static final RateLimits NODE = new RateLimits();

    private static final int FORGET_FULL_ABOVE = 10_000;

    private final Map<String, Kept> buckets = new ConcurrentHashMap<>();

    /** A bucket with the settings it was counted under, so a change of settings starts it afresh. */
    private record Kept(BucketSettings settings, TokenBucket.State state) {
    }

    /**
     * Pays {@code cost} from {@code key}'s bucket: empty when it was paid, else how long until it could be (Kazoo's
     * consume_until empties a bucket that cannot pay, so the wait is from empty).
     */
    public Optional<Duration> pay(String key, BucketSettings settings, long cost, Instant now) {
        TokenBucket bucket = new TokenBucket(settings);
        TokenBucket.Consumption[] consumed = new TokenBucket.Consumption[1];
        buckets.compute(key, (k, kept) -> {
            TokenBucket.State state = kept == null || !kept.settings().equals(settings) ? bucket.full(now) : kept.state();
            consumed[0] = bucket.consume(state, now, cost);
            return new Kept(settings, consumed[0].state());
        });
        if (buckets.size() > FORGET_FULL_ABOVE) {
            buckets.values().removeIf(kept -> {
                TokenBucket its = new TokenBucket(kept.settings());
                return its.isFull(its.refill(kept.state(), now));
            });
        }
        if (consumed[0].paid()) {
            return Optional.empty();
        }
        long periods = Math.max(1, (cost + settings.fillRate() - 1) / settings.fillRate());
        return Optional.of(settings.fillTime().multipliedBy(periods));
    }
}
