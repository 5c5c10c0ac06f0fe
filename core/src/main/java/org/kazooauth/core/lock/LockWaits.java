package org.kazooauth.core.lock;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Where attempts wait on this node for a bucket's logins in flight to settle. They queue: only the first in line
 * asks the database, again each time a login of that bucket settles on this node and at least every
 * {@link #POLL} for settlements on other nodes; the rest wait their turn without a statement. So a burst of 64
 * logins costs the database a few looks per settlement, not 64. A bucket nobody waits for costs nothing here.
 */
public final class LockWaits {

    /** The node's: every realm and request shares it. */
    public static final LockWaits NODE = new LockWaits();

    /** How often the first in line looks again on its own: settlements on other nodes wake nobody here. */
    static final Duration POLL = Duration.ofMillis(100);

    private final Map<String, Room> rooms = new HashMap<>();

    private static final class Room {
        /** Fair: the longest waiter goes first. */
        final ReentrantLock line = new ReentrantLock(true);
        /** Released once per settlement, at most one pending. */
        final Semaphore settled = new Semaphore(0);
        int present;
    }

    /**
     * Queues for {@code key} and, at the front, repeats {@code attempt} after each settlement until it answers
     * or {@code deadlineNanos} (of {@link System#nanoTime()}) passes.
     *
     * @return the attempt's answer, or empty when the deadline passed first
     */
    public <T> Optional<T> inLine(String key, long deadlineNanos, Supplier<Optional<T>> attempt)
            throws InterruptedException {
        Room room;
        synchronized (rooms) {
            room = rooms.computeIfAbsent(key, k -> new Room());
            room.present++;
        }
        try {
            if (!room.line.tryLock(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
            try {
                while (true) {
                    room.settled.drainPermits();
                    Optional<T> answer = attempt.get();
                    long left = deadlineNanos - System.nanoTime();
                    if (answer.isPresent() || left <= 0) {
                        return answer;
                    }
                    room.settled.tryAcquire(Math.min(left, POLL.toNanos()), TimeUnit.NANOSECONDS);
                }
            } finally {
                room.line.unlock();
            }
        } finally {
            synchronized (rooms) {
                if (--room.present == 0) {
                    rooms.remove(key);
                }
            }
        }
    }

    /** A login in flight on {@code key} settled: the first in line may try again now. */
    public void settled(String key) {
        synchronized (rooms) {
            Room room = rooms.get(key);
            if (room != null && room.settled.availablePermits() == 0) {
                room.settled.release();
            }
        }
    }

    /** Whether attempts wait for {@code key} on this node. */
    public boolean hasLine(String key) {
        synchronized (rooms) {
            return rooms.containsKey(key);
        }
    }

    /** How many attempts wait on this node. */
    public int waiting() {
        synchronized (rooms) {
            return rooms.values().stream().mapToInt(room -> room.present).sum();
        }
    }
}
