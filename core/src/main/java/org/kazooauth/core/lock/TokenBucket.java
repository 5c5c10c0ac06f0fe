package org.kazooauth.core.lock;

import java.time.Duration;
import java.time.Instant;

/**
 * Kazoo's token bucket ({@code kz_token_bucket}) as a pure function of its stored state, so that the state can
 * live in a database row and any node can compute with it: full at first, each failure pays its cost, a failure
 * that cannot be paid empties the bucket, and an empty bucket is locked. Tokens come back in whole blocks of
 * {@code fillRate} at the end of each {@code fillTime}, counted from the last refill (or from the first payment
 * out of a full bucket), never above the maximum.
 */
public final class TokenBucket {

    /**
     * A bucket's stored state.
     *
     * @param tokens     tokens left at {@code refilledAt}
     * @param refilledAt when the last whole block was counted in
     */
    public record State(long tokens, Instant refilledAt) {
    }

    /**
     * What paying a cost did.
     *
     * @param state the state to store
     * @param paid  whether the bucket held the cost; when it did not, it is now empty
     */
    public record Consumption(State state, boolean paid) {

        /** Whether the bucket is now empty, i.e. what it guards is locked. */
        public boolean locked() {
            return state.tokens() == 0;
        }
    }

    private final BucketSettings settings;

    public TokenBucket(BucketSettings settings) {
        this.settings = settings;
    }

    /** A bucket that does not exist yet: full (Kazoo starts missing buckets full). */
    public State full(Instant now) {
        return new State(settings.maxTokens(), now);
    }

    /**
     * The state with every whole period since the last refill counted in; never above the maximum, also when the
     * maximum was lowered after the state was stored.
     */
    public State refill(State state, Instant now) {
        long periods = Math.max(0, Duration.between(state.refilledAt(), now).toMillis() / settings.fillTime().toMillis());
        if (periods == 0) {
            return state.tokens() > settings.maxTokens() ? new State(settings.maxTokens(), state.refilledAt()) : state;
        }
        long tokens = Math.min(settings.maxTokens(), saturatingAdd(state.tokens(), multiply(periods, settings.fillRate())));
        return new State(tokens, state.refilledAt().plus(settings.fillTime().multipliedBy(periods)));
    }

    public boolean isLocked(State state, Instant now) {
        return refill(state, now).tokens() == 0;
    }

    /** Pays {@code cost}; a cost that cannot be paid empties the bucket (Kazoo's consume_until). */
    public Consumption consume(State state, Instant now, long cost) {
        State current = refill(state, now);
        boolean paid = current.tokens() >= cost;
        // a full bucket has no period running: its first payment starts one
        Instant periodStart = isFull(current) ? now : current.refilledAt();
        return new Consumption(new State(paid ? current.tokens() - cost : 0, periodStart), paid);
    }

    /** Gives back {@code cost} paid for an attempt that turned out to be good, never above the maximum. */
    public State refund(State state, Instant now, long cost) {
        State current = refill(state, now);
        return new State(Math.min(settings.maxTokens(), saturatingAdd(current.tokens(), cost)), current.refilledAt());
    }

    /** A full bucket is the same as none: Kazoo starts missing buckets full, so its row need not be kept. */
    public boolean isFull(State state) {
        return state.tokens() >= settings.maxTokens();
    }

    private static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
