package org.kazooauth.core.lock;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Where attempts wait on this node for a bucket's logins in flight to settle. They queue: only the first in line
 * asks the database, once for each login of that bucket that settles on this node and at least every poll (100 ms)
 * for settlements on other nodes; the rest wait their turn without a statement. So a burst of 64 logins costs the
 * database a look per settlement, not 64. A bucket nobody waits for costs nothing here.
 */
public final class LockWaits {

    /** The node's: every realm and request shares it. */
    public static final LockWaits NODE = new LockWaits(Duration.ofMillis(100));

    private final Map<String, Room> rooms = new HashMap<>();
    /** How often the first in line looks again on its own: settlements on other nodes wake nobody here. */
    private final Duration poll;

    LockWaits(Duration poll) {
        this.poll = poll;
    }

    private static final class Room {
        /** Fair: the longest waiter goes first. */
        final ReentrantLock line = new ReentrantLock(true);
        /** Released once per settlement, at most one pending. */
        final Semaphore settled = new Semaphore(0);
        int present;
        /**
         * Settlements signalled here so far, and how many of them a try has answered: each gets one, and a try
         * that finds no room answers all that came before it began. A new line's first tries at once, as a
         * settlement may have come before there was a line to tell.
         */
        long settlements;
        long answered = -1;
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
                boolean polled = false;
                while (true) {
                    room.settled.drainPermits();
                    OptionalLong seen = turn(room, polled);
                    if (seen.isPresent()) {
                        Optional<T> answer = attempt.get();
                        if (answer.isPresent()) {
                            return answer;
                        }
                        noRoom(room, seen.getAsLong());
                    }
                    long left = deadlineNanos - System.nanoTime();
                    if (left <= 0) {
                        return Optional.empty();
                    }
                    polled = !room.settled.tryAcquire(Math.min(left, poll.toNanos()), TimeUnit.NANOSECONDS);
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

    /**
     * Whether the first in line tries now, and if so how many settlements there had been as it began: when a
     * settlement is still unanswered, or when it {@code polled} for settlements on other nodes. A new first in line
     * does not repeat its predecessor's try, whose reservation took the room one settlement freed; but when two
     * settled before that try, the second freed room too, and is the new first's.
     */
    private OptionalLong turn(Room room, boolean polled) {
        synchronized (rooms) {
            if (room.settlements > room.answered) {
                room.answered++;
            } else if (!polled) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(room.settlements);
        }
    }

    /** A try that began after {@code seen} settlements found no room: none of them has room left for this line. */
    private void noRoom(Room room, long seen) {
        synchronized (rooms) {
            room.answered = Math.max(room.answered, seen);
        }
    }

    /** A login in flight on {@code key} settled: the first in line may try again now. */
    public void settled(String key) {
        synchronized (rooms) {
            Room room = rooms.get(key);
            if (room != null) {
                room.settlements++;
                if (room.settled.availablePermits() == 0) {
                    room.settled.release();
                }
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
