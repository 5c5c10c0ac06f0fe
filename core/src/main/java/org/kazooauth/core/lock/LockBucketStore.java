package org.kazooauth.core.lock;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Where bucket states live: shared by every node, changed atomically. A full bucket is not kept. */
public interface LockBucketStore {

    /** A kept bucket. */
    record Bucket(LockSubject subject, TokenBucket.State state) {
    }

    /**
     * What a change writes back and what it answers.
     *
     * @param next   the bucket's new state; empty drops it (it is full)
     * @param result what {@link #update} returns
     */
    record Change<R>(Optional<TokenBucket.State> next, R result) {
    }

    /**
     * Reads the subject's bucket (empty when none is kept), applies {@code change} and writes its result back, as
     * one atomic step: concurrent updates of the same bucket on any node run one after the other.
     */
    <R> R update(LockSubject subject, Function<Optional<TokenBucket.State>, Change<R>> change);

    /** The buckets kept for an account: its own and its users'. */
    List<Bucket> ofAccount(String accountId);

    /** Drops the buckets kept for an account, its own and its users': they are full again. */
    void removeAccount(String accountId);
}
