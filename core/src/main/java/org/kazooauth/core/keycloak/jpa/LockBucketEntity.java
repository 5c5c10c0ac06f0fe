package org.kazooauth.core.keycloak.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedNativeQueries;
import jakarta.persistence.NamedNativeQuery;
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
                        + " where b.realmId = :realmId and b.accountId = :accountId")
})
// The steps on every login are plain SQL, as Hibernate translates an HQL update anew at each execution. A column is
// set after those whose old value it reads: MySQL and MariaDB assign left to right.
@NamedNativeQueries({
        @NamedNativeQuery(name = LockBucketEntity.TRY_RESERVE,
                query = "update {h-schema}KAZOO_LOCK_BUCKET set IN_FLIGHT = IN_FLIGHT + :cost,"
                        + " LEASE_UNTIL = case when LEASE_UNTIL > :leaseUntil then LEASE_UNTIL else :leaseUntil end"
                        + " where REALM_ID = :realmId and BUCKET_KEY = :key"
                        + " and (case when TOKENS > :maxTokens then :maxTokens else TOKENS end) - IN_FLIGHT >= :cost"
                        + " and (IN_FLIGHT = 0 or LEASE_UNTIL >= :now)"),
        @NamedNativeQuery(name = LockBucketEntity.TRY_CHARGE,
                query = "update {h-schema}KAZOO_LOCK_BUCKET"
                        + " set REFILLED_AT = case when TOKENS >= :maxTokens then :now else REFILLED_AT end,"
                        + " TOKENS = TOKENS - :cost,"
                        + " IN_FLIGHT = case when IN_FLIGHT > :cost then IN_FLIGHT - :cost else 0 end"
                        + " where REALM_ID = :realmId and BUCKET_KEY = :key and TOKENS >= :twiceCost"
                        + " and TOKENS <= :maxTokens and (TOKENS >= :maxTokens or REFILLED_AT > :refillDue)"),
        @NamedNativeQuery(name = LockBucketEntity.RELEASE,
                query = "update {h-schema}KAZOO_LOCK_BUCKET"
                        + " set IN_FLIGHT = case when IN_FLIGHT > :cost then IN_FLIGHT - :cost else 0 end"
                        + " where REALM_ID = :realmId and BUCKET_KEY = :key")
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
