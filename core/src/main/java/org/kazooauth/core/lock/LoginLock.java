package org.kazooauth.core.lock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Kazoo's failed-login lock, exact under concurrency and never refusing honest users for it.
 * <p>
 * An attempt reserves its module's cost in each of its buckets BEFORE its credentials are judged, and only while
 * the tokens left by recorded failures cover every reservation in flight: however many attempts run at once, on
 * however many nodes, no more are judged than the bucket could pay for if all failed. A failure then settles its
 * cost into the bucket; a good attempt, or one that broke before it was judged, gives its reservation back.
 * <p>
 * Only recorded failures lock: an attempt finding the settled tokens short of its cost is refused as locked. One
 * that finds the room taken by attempts in flight waits for them to settle (up to the realm's wait) and, if they
 * do not in time, is answered "busy", never "locked". Kazoo paid after judging, which let parallel guesses
 * through; paying first without the in-flight distinction refused honest users of a busy account.
 */
public final class LoginLock {

    /**
     * How long a reservation may stay unsettled before it counts as a failure: the node judging it has died (a
     * login is judged in well under a second, a Duo call is bounded by its timeout).
     */
    static final Duration LEASE = Duration.ofMinutes(1);

    private final LockSettings settings;
    private final TokenBucket bucket;
    private final LockBucketStore store;
    private final Supplier<Instant> clock;
    private final LockWaits waits;

    public LoginLock(LockSettings settings, LockBucketStore store, Supplier<Instant> clock, LockWaits waits) {
        this.settings = settings;
        this.bucket = new TokenBucket(settings.bucket());
        this.store = store;
        this.clock = clock;
        this.waits = waits;
    }

    public LockSettings settings() {
        return settings;
    }

    /** What an attempt found at the gate. */
    public enum Verdict {
        /** Its cost is reserved: judge it, then settle the admission. */
        ADMITTED,
        /** Recorded failures emptied one of its buckets: refuse it as locked, judging nothing. */
        LOCKED,
        /** Attempts in flight kept the room it needs past the wait: answer "try again", judging nothing. */
        BUSY
    }

    /**
     * Lets an attempt through {@code module} be judged, its cost reserved in every subject's bucket; or refuses
     * it. With the lock off every attempt goes through and nothing is read, not even whose buckets they would be.
     */
    public Admission admit(Supplier<List<LockSubject>> subjects, String module) {
        if (!settings.enabled()) {
            return Admission.FREE;
        }
        long cost = settings.cost(module);
        List<LockSubject> all = subjects.get();
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        // first come, first served: with a line already waiting on this node, a newcomer joins it, not jumps it
        Optional<LockSubject> queued = all.stream().filter(subject -> waits.hasLine(subject.key())).findFirst();
        Outcome outcome = queued.isPresent() ? new Outcome(Verdict.BUSY, queued.get(), List.of())
                : reserveAll(all, cost);
        if (outcome.verdict() == Verdict.BUSY) {
            try {
                outcome = waits.inLine(outcome.blocking().key(), deadline, () -> Optional.of(reserveAll(all, cost))
                        .filter(again -> again.verdict() != Verdict.BUSY)).orElse(outcome);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return new Admission(this, outcome.verdict(), outcome.verdict() == Verdict.ADMITTED ? all : List.of(),
                outcome.emptied(), cost);
    }

    /**
     * Whether any of the subjects is locked, paying nothing: for logins that check no credential (an SSO cookie,
     * an identity provider's answer).
     */
    public boolean isLocked(List<LockSubject> subjects) {
        if (!settings.enabled()) {
            return false;
        }
        Instant now = clock.get();
        return subjects.stream().anyMatch(subject -> store.find(subject)
                .map(row -> sweep(row, now).settled().tokens() == 0).orElse(false));
    }

    /**
     * A failure judged outside the lock's reservations (a service account's client authentication, which Keycloak
     * judges before any Kazoo code runs): its cost is paid now. The subjects whose bucket it emptied.
     */
    public List<LockSubject> recordFailure(List<LockSubject> subjects, String module) {
        if (!settings.enabled()) {
            return List.of();
        }
        long cost = settings.cost(module);
        Instant now = clock.get();
        List<LockSubject> emptied = new ArrayList<>();
        for (LockSubject subject : subjects) {
            boolean nowEmpty = store.update(subject, kept -> {
                BucketRow row = sweep(kept.orElseGet(() -> BucketRow.fresh(bucket, now)), now);
                TokenBucket.State after = bucket.consume(row.settled(), now, cost).state();
                return new LockBucketStore.Change<>(new BucketRow(after, row.inFlight(), row.leaseUntil()),
                        row.settled().tokens() > 0 && after.tokens() == 0);
            });
            if (nowEmpty) {
                emptied.add(subject);
            }
            waits.settled(subject.key());
        }
        return emptied;
    }

    /** Whether the account's login is locked: its own bucket or one of its users' is empty. */
    public boolean isLocked(String accountId) {
        Instant now = clock.get();
        return settings.enabled() && store.ofAccount(accountId).stream()
                .anyMatch(kept -> bucket.isLocked(kept.row().settled(), now));
    }

    /** Fills the account's buckets again (its own and its users'); whether one of them was locked. */
    public boolean unlock(String accountId) {
        boolean locked = isLocked(accountId);
        store.fillAccount(accountId, settings.bucket().maxTokens(), clock.get());
        return locked;
    }

    /**
     * @param blocking the subject whose room was taken, when {@link Verdict#BUSY}
     * @param emptied  the subjects whose bucket this step emptied (news worth an event)
     */
    private record Outcome(Verdict verdict, LockSubject blocking, List<LockSubject> emptied) {
    }

    private Outcome reserveAll(List<LockSubject> subjects, long cost) {
        List<LockSubject> reserved = new ArrayList<>();
        for (LockSubject subject : subjects) {
            Outcome outcome = reserve(subject, cost);
            if (outcome.verdict() != Verdict.ADMITTED) {
                reserved.forEach(done -> giveBack(done, cost));
                return outcome;
            }
            reserved.add(subject);
        }
        return new Outcome(Verdict.ADMITTED, null, List.of());
    }

    private Outcome reserve(LockSubject subject, long cost) {
        Instant now = clock.get();
        if (store.tryReserve(subject, cost, settings.bucket().maxTokens(), now, now.plus(LEASE))) {
            return new Outcome(Verdict.ADMITTED, null, List.of());
        }
        // most often the room is taken by attempts in flight: a plain read says so without locking the row that
        // they are settling; anything to write (a refill that makes room, a lapsed lease, a lock, no row) is updated
        if (store.find(subject).filter(row -> onlyWaits(row, now, cost)).isPresent()) {
            return new Outcome(Verdict.BUSY, subject, List.of());
        }
        return store.update(subject, kept -> {
            BucketRow row = kept.orElseGet(() -> BucketRow.fresh(bucket, now));
            long before = bucket.refill(row.settled(), now).tokens();
            BucketRow swept = sweep(row, now);
            TokenBucket.State settled = swept.settled();
            if (settled.tokens() < cost) {
                // Kazoo's consume_until: a cost the bucket cannot pay empties it
                BucketRow emptied = new BucketRow(new TokenBucket.State(0, settled.refilledAt()), swept.inFlight(),
                        swept.leaseUntil());
                return new LockBucketStore.Change<>(emptied,
                        new Outcome(Verdict.LOCKED, null, before > 0 ? List.of(subject) : List.of()));
            }
            if (settled.tokens() - swept.inFlight() >= cost) {
                Instant lease = now.plus(LEASE);
                return new LockBucketStore.Change<>(new BucketRow(settled, swept.inFlight() + cost,
                        lease.isAfter(swept.leaseUntil()) ? lease : swept.leaseUntil()),
                        new Outcome(Verdict.ADMITTED, null, List.of()));
            }
            return new LockBucketStore.Change<>(swept, new Outcome(Verdict.BUSY, subject, List.of()));
        });
    }

    /** Whether the kept row answers "wait" as it is: reservations in time hold the room its settled tokens have. */
    private boolean onlyWaits(BucketRow row, Instant now, long cost) {
        long tokens = bucket.refill(row.settled(), now).tokens();
        return row.inFlight() > 0 && !now.isAfter(row.leaseUntil()) && tokens >= cost
                && tokens - row.inFlight() < cost;
    }

    /**
     * The row refilled, with reservations whose lease ran out counted as failures: their node died while judging
     * them, and an attempt that was judged must count.
     */
    private BucketRow sweep(BucketRow row, Instant now) {
        TokenBucket.State settled = row.settled();
        long inFlight = row.inFlight();
        if (inFlight > 0 && now.isAfter(row.leaseUntil())) {
            settled = bucket.consume(settled, now, inFlight).state();
            inFlight = 0;
        }
        return new BucketRow(bucket.refill(settled, now), inFlight, row.leaseUntil());
    }

    private void giveBack(LockSubject subject, long cost) {
        store.release(subject, cost);
        waits.settled(subject.key());
    }

    /** A failure: its cost moves from in flight into the bucket. Whether that emptied the bucket. */
    private boolean charge(LockSubject subject, long cost) {
        Instant now = clock.get();
        if (store.tryCharge(subject, cost, settings.bucket(), now)) {
            waits.settled(subject.key());
            return false;
        }
        boolean emptied = store.update(subject, kept -> {
            BucketRow row = kept.orElseGet(() -> BucketRow.fresh(bucket, now));
            TokenBucket.State before = bucket.refill(row.settled(), now);
            TokenBucket.State after = bucket.consume(before, now, cost).state();
            return new LockBucketStore.Change<>(new BucketRow(after, Math.max(0, row.inFlight() - cost),
                    row.leaseUntil()), before.tokens() > 0 && after.tokens() == 0);
        });
        waits.settled(subject.key());
        return emptied;
    }

    /** One attempt's way through the lock. Settle it exactly once; later calls do nothing. */
    public static final class Admission {

        static final Admission FREE = new Admission(null, Verdict.ADMITTED, List.of(), List.of(), 0);

        /** Where a reservation is: out, its give-back written into the caller's transaction, or settled. */
        private enum Stage { OPEN, GIVING_BACK, SETTLED }

        private final LoginLock lock;
        private final Verdict verdict;
        private final List<LockSubject> reserved;
        private final List<LockSubject> emptied;
        private final long cost;
        private final AtomicReference<Stage> stage = new AtomicReference<>(Stage.OPEN);

        private Admission(LoginLock lock, Verdict verdict, List<LockSubject> reserved, List<LockSubject> emptied,
                          long cost) {
            this.lock = lock;
            this.verdict = verdict;
            this.reserved = List.copyOf(reserved);
            this.emptied = List.copyOf(emptied);
            this.cost = cost;
        }

        public Verdict verdict() {
            return verdict;
        }

        /** Whether the attempt may be judged. */
        public boolean admitted() {
            return verdict == Verdict.ADMITTED;
        }

        /** The subjects whose bucket this refusal emptied: their lock is news worth an event. */
        public List<LockSubject> emptied() {
            return emptied;
        }

        /** Whether it holds a reservation still to settle. */
        public boolean open() {
            return lock != null && verdict == Verdict.ADMITTED && stage.get() == Stage.OPEN;
        }

        /** The credentials were good: the reservation goes back. */
        public void passed() {
            giveBack();
        }

        /**
         * The credentials were good: the reservation goes back within the caller's transaction, which is about to
         * commit ({@link LockBucketStore#releaseWithCaller}). Then {@link #committed()}, or {@link #cancelled()}
         * when it rolled back.
         */
        public void passedWithCaller() {
            if (lock != null && stage.compareAndSet(Stage.OPEN, Stage.GIVING_BACK)) {
                reserved.forEach(subject -> lock.store.releaseWithCaller(subject, cost));
            }
        }

        /** The caller's transaction committed: a give-back written into it is in; one still out goes back now. */
        public void committed() {
            if (stage.compareAndSet(Stage.GIVING_BACK, Stage.SETTLED)) {
                reserved.forEach(subject -> lock.waits.settled(subject.key()));
            } else {
                giveBack();
            }
        }

        /**
         * Nothing was judged after all (an error, a challenge), or the caller's transaction rolled back a
         * give-back written into it: the reservation goes back on its own.
         */
        public void cancelled() {
            giveBack();
        }

        /** The credentials were wrong: the cost is paid. The subjects whose bucket this failure emptied. */
        public List<LockSubject> failed() {
            if (lock == null || !stage.compareAndSet(Stage.OPEN, Stage.SETTLED)) {
                return List.of();
            }
            List<LockSubject> nowEmpty = new ArrayList<>();
            for (LockSubject subject : reserved) {
                if (lock.charge(subject, cost)) {
                    nowEmpty.add(subject);
                }
            }
            return nowEmpty;
        }

        private void giveBack() {
            if (lock != null && stage.getAndSet(Stage.SETTLED) != Stage.SETTLED) {
                reserved.forEach(subject -> lock.giveBack(subject, cost));
            }
        }
    }
}
