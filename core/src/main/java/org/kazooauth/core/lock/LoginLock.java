package org.kazooauth.core.lock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Kazoo's failed-login lock, made exact under concurrency: an attempt pays its module's cost BEFORE its
 * credentials are judged and gets it back if they are good. So however many attempts run at once, no more of
 * them are judged than the bucket pays for, and an empty bucket refuses the next one before anything is checked.
 * Kazoo paid after judging, which let parallel guesses through.
 */
public final class LoginLock {

    private final LockSettings settings;
    private final TokenBucket bucket;
    private final LockBucketStore store;
    private final Supplier<Instant> clock;

    public LoginLock(LockSettings settings, LockBucketStore store, Supplier<Instant> clock) {
        this.settings = settings;
        this.bucket = new TokenBucket(settings.bucket());
        this.store = store;
        this.clock = clock;
    }

    public LockSettings settings() {
        return settings;
    }

    /**
     * Lets an attempt through {@code module} be judged, having paid its cost into every subject's bucket; or
     * refuses it because one of them is empty. With the lock off, every attempt goes through and nothing is read,
     * not even whose buckets they would be.
     */
    public Admission admit(Supplier<List<LockSubject>> subjects, String module) {
        if (!settings.enabled()) {
            return Admission.FREE;
        }
        long cost = settings.cost(module);
        List<LockSubject> paid = new ArrayList<>();
        List<LockSubject> emptied = new ArrayList<>();
        for (LockSubject subject : subjects.get()) {
            Payment payment = pay(subject, cost);
            if (payment.emptied()) {
                emptied.add(subject);
            }
            if (!payment.paid()) {
                paid.forEach(done -> refund(done, cost));
                emptied.retainAll(List.of(subject));
                return new Admission(this, false, List.of(), emptied, cost);
            }
            paid.add(subject);
        }
        return new Admission(this, true, paid, emptied, cost);
    }

    /** Whether the account's login is locked: its own bucket or one of its users' is empty. */
    public boolean isLocked(String accountId) {
        Instant now = clock.get();
        return settings.enabled() && store.ofAccount(accountId).stream()
                .anyMatch(kept -> bucket.isLocked(kept.state(), now));
    }

    /** Fills the account's buckets again (its own and its users'); whether one of them was locked. */
    public boolean unlock(String accountId) {
        boolean locked = isLocked(accountId);
        store.removeAccount(accountId);
        return locked;
    }

    /**
     * @param paid    whether the cost was paid; when not, the bucket is empty
     * @param emptied whether this payment emptied a bucket that was not empty before
     */
    private record Payment(boolean paid, boolean emptied) {
    }

    private Payment pay(LockSubject subject, long cost) {
        return store.update(subject, state -> {
            Instant now = clock.get();
            TokenBucket.State current = bucket.refill(state.orElseGet(() -> bucket.full(now)), now);
            TokenBucket.Consumption consumption = bucket.consume(current, now, cost);
            return new LockBucketStore.Change<>(Optional.of(consumption.state()),
                    new Payment(consumption.paid(), current.tokens() > 0 && consumption.locked()));
        });
    }

    private void refund(LockSubject subject, long cost) {
        store.update(subject, state -> {
            Instant now = clock.get();
            TokenBucket.State refunded = bucket.refund(state.orElseGet(() -> bucket.full(now)), now, cost);
            return new LockBucketStore.Change<>(bucket.isFull(refunded) ? Optional.empty() : Optional.of(refunded), null);
        });
    }

    /** One attempt's way through the lock: admitted with its cost paid, or refused because a bucket is empty. */
    public static final class Admission {

        static final Admission FREE = new Admission(null, true, List.of(), List.of(), 0);

        private final LoginLock lock;
        private final boolean admitted;
        private final List<LockSubject> paid;
        private final List<LockSubject> emptied;
        private final long cost;

        private Admission(LoginLock lock, boolean admitted, List<LockSubject> paid, List<LockSubject> emptied, long cost) {
            this.lock = lock;
            this.admitted = admitted;
            this.paid = List.copyOf(paid);
            this.emptied = List.copyOf(emptied);
            this.cost = cost;
        }

        /** Whether the attempt may be judged; when not, its subject is locked and nothing may be checked. */
        public boolean admitted() {
            return admitted;
        }

        /**
         * The subjects whose bucket this attempt emptied: locked now if the attempt was refused, and locked by
         * it if it fails. Their lock is news worth an event; buckets that were empty before are not.
         */
        public List<LockSubject> emptied() {
            return emptied;
        }

        /** The credentials were good: the cost comes back. A failed attempt keeps it paid; nothing else to do. */
        public void succeeded() {
            paid.forEach(subject -> lock.refund(subject, cost));
        }
    }
}
