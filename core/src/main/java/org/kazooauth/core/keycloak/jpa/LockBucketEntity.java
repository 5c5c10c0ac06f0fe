package org.kazooauth.core.keycloak.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;

/**
 * A row of {@code KAZOO_LOCK_BUCKET}: a subject's bucket, kept once made ({@code META-INF/kazoo-changelog-*.xml}).
 * The bulk statements are the one-statement steps of {@link JpaLockBucketStore}.
 */
@Entity
@Table(name = "KAZOO_LOCK_BUCKET")
@IdClass(LockBucketEntity.Key.class)
@NamedQueries({
        @NamedQuery(name = LockBucketEntity.OF_ACCOUNT,
                query = "select b from LockBucketEntity b where b.realmId = :realmId and b.accountId = :accountId"),
        @NamedQuery(name = LockBucketEntity.FILL_ACCOUNT,
                query = "update LockBucketEntity b set b.tokens = :maxTokens, b.refilledAt = :now"
                        + " where b.realmId = :realmId and b.accountId = :accountId"),
        @NamedQuery(name = LockBucketEntity.TRY_RESERVE,
                query = "update LockBucketEntity b set b.inFlight = b.inFlight + :cost,"
                        + " b.leaseUntil = case when b.leaseUntil > :leaseUntil then b.leaseUntil else :leaseUntil end"
                        + " where b.realmId = :realmId and b.key = :key"
                        + " and (case when b.tokens > :maxTokens then :maxTokens else b.tokens end) - b.inFlight >= :cost"
                        + " and (b.inFlight = 0 or b.leaseUntil >= :now)"),
        @NamedQuery(name = LockBucketEntity.TRY_CHARGE,
                query = "update LockBucketEntity b set b.tokens = b.tokens - :cost,"
                        + " b.inFlight = case when b.inFlight > :cost then b.inFlight - :cost else 0 end,"
                        + " b.refilledAt = case when b.tokens >= :maxTokens then :now else b.refilledAt end"
                        + " where b.realmId = :realmId and b.key = :key and b.tokens >= :twiceCost"
                        + " and b.tokens <= :maxTokens and (b.tokens >= :maxTokens or b.refilledAt > :refillDue)"),
        @NamedQuery(name = LockBucketEntity.RELEASE,
                query = "update LockBucketEntity b"
                        + " set b.inFlight = case when b.inFlight > :cost then b.inFlight - :cost else 0 end"
                        + " where b.realmId = :realmId and b.key = :key")
})
public class LockBucketEntity {

    static final String OF_ACCOUNT = "kazooLockBucketsOfAccount";
    static final String FILL_ACCOUNT = "kazooFillLockBucketsOfAccount";
    static final String TRY_RESERVE = "kazooTryReserveLockBucket";
    static final String RELEASE = "kazooReleaseLockBucket";
    static final String TRY_CHARGE = "kazooTryChargeLockBucket";

    @Id
    @Column(name = "REALM_ID", length = 36)
    String realmId;

    /** {@code account:<id>} or {@code user:<id>}. */
    @Id
    @Column(name = "BUCKET_KEY", length = 64)
    String key;

    /** The account the bucket counts for; {@code null} for a user outside every account. */
    @Column(name = "ACCOUNT_ID", length = 36)
    String accountId;

    @Column(name = "TOKENS", nullable = false)
    long tokens;

    /** Epoch milliseconds of the last whole refill. */
    @Column(name = "REFILLED_AT", nullable = false)
    long refilledAt;

    /** Tokens reserved by attempts being judged. */
    @Column(name = "IN_FLIGHT", nullable = false)
    long inFlight;

    /** Epoch milliseconds when the newest reservation's lease runs out. */
    @Column(name = "LEASE_UNTIL", nullable = false)
    long leaseUntil;

    /** The primary key. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        String realmId;
        String key;

        public Key() {
        }

        Key(String realmId, String key) {
            this.realmId = realmId;
            this.key = key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && realmId.equals(that.realmId) && key.equals(that.key);
        }

        @Override
        public int hashCode() {
            return 31 * realmId.hashCode() + key.hashCode();
        }
    }
}
