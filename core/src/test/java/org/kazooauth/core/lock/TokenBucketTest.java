package org.kazooauth.core.lock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    private static final Instant T0 = Instant.parse("2026-11-23T05:00:00Z");
    private final TokenBucket bucket = new TokenBucket(BucketSettings.recommended());

    private TokenBucket.State fail(TokenBucket.State state, int times, Instant at) {
        for (int i = 0; i < times; i++) {
            state = bucket.consume(state, at, BucketSettings.COST).state();
        }
        return state;
    }

    @Test
    void withTheRecommendedSettingsTheFifthFailureLocks() {
        TokenBucket.State state = bucket.full(T0);
        for (int failure = 1; failure <= 4; failure++) {
            TokenBucket.Consumption paid = bucket.consume(state, T0, BucketSettings.COST);
            assertFalse(paid.locked(), "failure " + failure);
            state = paid.state();
        }
        TokenBucket.Consumption fifth = bucket.consume(state, T0, BucketSettings.COST);
        assertTrue(fifth.locked());
        assertTrue(fifth.paid(), "the fifth failure is still paid for");
        assertEquals(0, fifth.state().tokens());
        assertTrue(bucket.isLocked(fifth.state(), T0.plusSeconds(3599)), "locked for up to an hour");
    }

    @Test
    void aWholePeriodRefillsTheBlockAndUnlocks() {
        TokenBucket.State locked = fail(bucket.full(T0), 5, T0);
        assertTrue(bucket.isLocked(locked, T0.plus(Duration.ofMinutes(59))), "no partial refill");
        assertFalse(bucket.isLocked(locked, T0.plus(Duration.ofHours(1))));
        assertEquals(175, bucket.refill(locked, T0.plus(Duration.ofHours(5))).tokens(), "never above the maximum");
    }

    @Test
    void periodsCountFromTheLastRefillNotFromTheLastFailure() {
        TokenBucket small = new TokenBucket(new BucketSettings(100, 10, Duration.ofSeconds(10)));
        TokenBucket.State state = small.consume(small.full(T0), T0, 100).state();
        TokenBucket.State later = small.refill(state, T0.plusSeconds(25));
        assertEquals(20, later.tokens(), "two whole periods");
        assertEquals(T0.plusSeconds(20), later.refilledAt(), "the half period still counts towards the next block");
        assertEquals(30, small.refill(later, T0.plusSeconds(30)).tokens());
    }

    @Test
    void aFailureThatCannotBePaidEmptiesTheBucket() {
        TokenBucket.Consumption consumption = bucket.consume(new TokenBucket.State(20, T0), T0, BucketSettings.COST);
        assertTrue(consumption.locked());
        assertFalse(consumption.paid());
        assertEquals(0, consumption.state().tokens());
    }

    @Test
    void kazoosFillTimeWordsAndBadSettings() {
        assertEquals(Duration.ofHours(1), BucketSettings.fillTime("hour"));
        assertEquals(Duration.ofDays(1), BucketSettings.fillTime(" Day "));
        assertEquals(Duration.ofSeconds(3), BucketSettings.fillTime("3"));
        assertThrows(IllegalArgumentException.class, () -> BucketSettings.fillTime("fortnight"));
        assertThrows(IllegalArgumentException.class, () -> new BucketSettings(0, 1, Duration.ofSeconds(1)));
        TokenBucket huge = new TokenBucket(new BucketSettings(Long.MAX_VALUE, Long.MAX_VALUE, Duration.ofMillis(1)));
        assertEquals(Long.MAX_VALUE, huge.refill(new TokenBucket.State(5, T0), T0.plus(Duration.ofDays(365))).tokens(),
                "no overflow");
    }
}
