package org.kazooauth.core.lock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LockWaitsTest {

    private static final String KEY = "account:acme";
    /** Long enough that no one in these tests looks again on their own. */
    private final LockWaits waits = new LockWaits(Duration.ofHours(1));
    private final AtomicBoolean room = new AtomicBoolean();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThePool() {
        pool.shutdownNow();
    }

    /** An attempt that counts its tries and gets in once there is room. */
    private Supplier<Optional<String>> attempt(AtomicInteger tries, String who) {
        return () -> {
            tries.incrementAndGet();
            return room.get() ? Optional.of(who) : Optional.empty();
        };
    }

    private Future<Optional<String>> queue(AtomicInteger tries, String who) {
        return inLine(attempt(tries, who));
    }

    /** Queues {@code attempt} on a thread of its own, for a minute at most. */
    private Future<Optional<String>> inLine(Supplier<Optional<String>> attempt) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        return pool.submit(() -> waits.inLine(KEY, deadline, attempt));
    }

    private static void until(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.get()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(5);
        }
    }

    @Test
    void oneTryPerSettlementWhoeverIsFirstInLine() throws Exception {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        Future<Optional<String>> a = queue(first, "a");
        until(() -> first.get() == 1); // a new line: its first tries at once
        Future<Optional<String>> b = queue(second, "b");
        until(() -> waits.waiting() == 2);

        room.set(true);
        waits.settled(KEY);
        assertEquals(Optional.of("a"), a.get(10, TimeUnit.SECONDS), "the settlement lets the first in");
        assertEquals(2, first.get());

        Thread.sleep(200);
        assertEquals(0, second.get(), "first in line now, b does not repeat the try that took the room");
        assertFalse(b.isDone());

        waits.settled(KEY);
        assertEquals(Optional.of("b"), b.get(10, TimeUnit.SECONDS), "the next settlement is b's");
        assertEquals(1, second.get());
        assertFalse(waits.hasLine(KEY), "an empty line is gone");
    }

    @Test
    void aSettlementDuringTheFirstsTryIsTheNextOnes() throws Exception {
        AtomicInteger second = new AtomicInteger();
        AtomicInteger first = new AtomicInteger();
        Future<Optional<String>> a = inLine(() -> {
            if (first.incrementAndGet() == 2) {
                waits.settled(KEY); // another login settles while a takes the room
                return Optional.of("a");
            }
            return Optional.empty();
        });
        until(() -> first.get() == 1);
        Future<Optional<String>> b = queue(second, "b");
        until(() -> waits.waiting() == 2);

        room.set(true);
        waits.settled(KEY);
        assertEquals(Optional.of("a"), a.get(10, TimeUnit.SECONDS));
        assertEquals(Optional.of("b"), b.get(10, TimeUnit.SECONDS), "b tries on the settlement a's try missed");
        assertEquals(1, second.get());
    }

    @Test
    void twoSettlementsBeforeTheFirstLooksAgainLetTwoIn() throws Exception {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        Future<Optional<String>> a = inLine(() -> {
            if (first.incrementAndGet() == 1) {
                awaitQuietly(() -> waits.waiting() == 2); // b waits behind a
                // two logins settle while a reads the row as it was before: full
                room.set(true);
                waits.settled(KEY);
                waits.settled(KEY);
                return Optional.empty();
            }
            return Optional.of("a");
        });
        Future<Optional<String>> b = queue(second, "b");

        assertEquals(Optional.of("a"), a.get(10, TimeUnit.SECONDS), "a tries on the first settlement");
        assertEquals(Optional.of("b"), b.get(10, TimeUnit.SECONDS), "the second freed room too: b's");
        assertEquals(1, second.get());
    }

    private static void awaitQuietly(Supplier<Boolean> condition) {
        try {
            until(condition);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
