package org.kazooauth.core.lock;

import java.time.Instant;

/**
 * A bucket as kept in the database: Kazoo's token bucket as recorded failures left it, and the tokens that
 * attempts being judged right now have reserved of it. Only settled tokens decide whether a subject is locked;
 * reserved ones decide how many more attempts may be judged at once.
 *
 * @param settled    Kazoo's bucket: recorded failures only
 * @param inFlight   tokens reserved by attempts being judged (each its module's cost)
 * @param leaseUntil when the newest reservation's lease runs out; past it every reservation still held is
 *                   counted as a failure, because the node judging it must have died
 */
public record BucketRow(TokenBucket.State settled, long inFlight, Instant leaseUntil) {

    /** A subject nobody has tried yet: full, nothing in flight. */
    public static BucketRow fresh(TokenBucket bucket, Instant now) {
        return new BucketRow(bucket.full(now), 0, now);
    }
}
