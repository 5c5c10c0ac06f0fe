package org.kazooauth.core.keycloak.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A row of {@code KAZOO_LOCK_BUCKET}: a bucket that is not full; see {@code META-INF/kazoo-changelog-1.0.0.xml}. */
@Entity
@Table(name = "KAZOO_LOCK_BUCKET")
@IdClass(LockBucketEntity.Key.class)
@NamedQueries({
        @NamedQuery(name = LockBucketEntity.OF_ACCOUNT,
                query = "select b from LockBucketEntity b where b.realmId = :realmId and b.accountId = :accountId"),
        @NamedQuery(name = LockBucketEntity.REMOVE_ACCOUNT,
                query = "delete from LockBucketEntity b where b.realmId = :realmId and b.accountId = :accountId")
})
public class LockBucketEntity {

    static final String OF_ACCOUNT = "kazooLockBucketsOfAccount";
    static final String REMOVE_ACCOUNT = "kazooRemoveLockBucketsOfAccount";

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
