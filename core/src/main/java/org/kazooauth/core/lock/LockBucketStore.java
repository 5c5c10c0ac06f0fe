package org.kazooauth.core.lock;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where buckets live: shared by every node, changed atomically. A bucket's row stays once made, so that the
 * common steps (reserve when there is room, give a reservation back) are one statement each.
 */
public interface LockBucketStore {

    /** A kept bucket. */
    record Bucket(LockSubject subject, BucketRow row) {
    }

    /**
     * What a change writes back and what it answers.
     *
     * @param next   the bucket's new row
     * @param result what {@link #update} returns
     */
    record Change<R>(BucketRow next, R result) {
    }

    /**
     * The one-statement way in: reserves {@code cost} when the kept row's settled tokens (at most
     * {@code maxTokens}) cover it beside what is in flight and no lease has run out, extending the lease to
     * {@code leaseUntil}. False says only that this way did not apply: {@link #update} decides.
     */
    boolean tryReserve(LockSubject subject, long cost, long maxTokens, Instant now, Instant leaseUntil);

    /**
     * The one-statement way to pay a failure: moves {@code cost} from in flight into the bucket when the bucket
     * holds at least twice the cost (so this failure does not empty it, which is news), at most {@code bucket}'s
     * maximum, and no refill is due (or it is full). False says only that this way did not apply:
     * {@link #update} decides.
     */
    boolean tryCharge(LockSubject subject, long cost, BucketSettings bucket, Instant now);

    /** Gives a reservation back without counting it, in one statement. */
    void release(LockSubject subject, long cost);

    /**
     * {@link #release} within the caller's own transaction, to be committed with its work: one commit fewer. The
     * row stays locked until that transaction ends, so it must end next; should it roll back, the reservation is
     * still out and {@link #release} gives it back.
     */
    void releaseWithCaller(LockSubject subject, long cost);

    /**
     * Reads the subject's row (empty when none is kept), applies {@code change} and writes its result back, as
     * one atomic step: concurrent updates of the same bucket on any node run one after the other.
     */
    <R> R update(LockSubject subject, Function<Optional<BucketRow>, Change<R>> change);

    /** The subject's row as it is now, when one is kept; a plain read. */
    Optional<BucketRow> find(LockSubject subject);

    /** The buckets kept for an account: its own and its users'. */
    List<Bucket> ofAccount(String accountId);

    /**
     * Fills the account's buckets (its own and its users') to {@code maxTokens} as of {@code now}; reservations
     * of attempts being judged stay, so an unlock never lets more be judged at once than a full bucket pays for.
     */
    void fillAccount(String accountId, long maxTokens, Instant now);
}
