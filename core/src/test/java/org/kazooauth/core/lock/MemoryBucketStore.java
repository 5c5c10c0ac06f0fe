package org.kazooauth.core.lock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The store's contract in memory: one lock makes every step atomic, as the row lock does in the database. */
final class MemoryBucketStore implements LockBucketStore {

    private final Map<String, Bucket> buckets = new HashMap<>();
    /** Give-backs written into the caller's transaction, not yet committed. */
    private final List<CallerRelease> callerReleases = new ArrayList<>();

    private record CallerRelease(LockSubject subject, long cost) {
    }
    int statements;
    /** Steps that lock the row ({@link #update}). */
    int rowLocks;

    @Override
    public synchronized boolean tryReserve(LockSubject subject, long cost, long maxTokens, Instant now,
                                           Instant leaseUntil) {
        statements++;
        Bucket kept = buckets.get(subject.key());
        if (kept == null) {
            return false;
        }
        BucketRow row = kept.row();
        if (Math.min(maxTokens, row.settled().tokens()) - row.inFlight() < cost || (row.inFlight() > 0 && row.leaseUntil().isBefore(now))) {
            return false;
        }
        put(subject, new BucketRow(row.settled(), row.inFlight() + cost,
                leaseUntil.isAfter(row.leaseUntil()) ? leaseUntil : row.leaseUntil()));
        return true;
    }

    @Override
    public synchronized boolean tryCharge(LockSubject subject, long cost, BucketSettings bucket, Instant now) {
        statements++;
        Bucket kept = buckets.get(subject.key());
        if (kept == null) {
            return false;
        }
        BucketRow row = kept.row();
        long tokens = row.settled().tokens();
        boolean noRefillDue = tokens >= bucket.maxTokens()
                || row.settled().refilledAt().isAfter(now.minus(bucket.fillTime()));
        if (tokens < 2 * cost || tokens > bucket.maxTokens() || !noRefillDue) {
            return false;
        }
        Instant periodStart = tokens >= bucket.maxTokens() ? now : row.settled().refilledAt();
        put(subject, new BucketRow(new TokenBucket.State(tokens - cost, periodStart),
                Math.max(0, row.inFlight() - cost), row.leaseUntil()));
        return true;
    }

    @Override
    public synchronized void release(LockSubject subject, long cost) {
        statements++;
        giveBack(subject, cost);
    }

    private void giveBack(LockSubject subject, long cost) {
        Bucket kept = buckets.get(subject.key());
        if (kept != null) {
            put(subject, new BucketRow(kept.row().settled(), Math.max(0, kept.row().inFlight() - cost),
                    kept.row().leaseUntil()));
        }
    }

    /** Kept until the caller's transaction ends: {@link #callerCommitted} or {@link #callerRolledBack}. */
    @Override
    public synchronized void releaseWithCaller(LockSubject subject, long cost) {
        statements++;
        callerReleases.add(new CallerRelease(subject, cost));
    }

    synchronized void callerCommitted() {
        callerReleases.forEach(pending -> giveBack(pending.subject(), pending.cost()));
        callerReleases.clear();
    }

    synchronized void callerRolledBack() {
        callerReleases.clear();
    }

    @Override
    public synchronized <R> R update(LockSubject subject, Function<Optional<BucketRow>, Change<R>> change) {
        statements += 2;
        rowLocks++;
        Change<R> result = change.apply(find(subject));
        put(subject, result.next());
        return result.result();
    }

    @Override
    public synchronized Optional<BucketRow> find(LockSubject subject) {
        return Optional.ofNullable(buckets.get(subject.key())).map(Bucket::row);
    }

    @Override
    public synchronized List<Bucket> ofAccount(String accountId) {
        return new ArrayList<>(buckets.values().stream().filter(b -> accountId.equals(b.subject().accountId())).toList());
    }

    @Override
    public synchronized void fillAccount(String accountId, long maxTokens, Instant now) {
        for (Bucket kept : ofAccount(accountId)) {
            put(kept.subject(), new BucketRow(new TokenBucket.State(maxTokens, now), kept.row().inFlight(),
                    kept.row().leaseUntil()));
        }
    }

    private void put(LockSubject subject, BucketRow row) {
        buckets.put(subject.key(), new Bucket(subject, row));
    }

    synchronized Optional<Long> tokens(LockSubject subject) {
        return find(subject).map(row -> row.settled().tokens());
    }

    synchronized Optional<Long> inFlight(LockSubject subject) {
        return find(subject).map(BucketRow::inFlight);
    }
}
