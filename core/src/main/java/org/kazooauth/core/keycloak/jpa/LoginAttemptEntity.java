package org.kazooauth.core.keycloak.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A row of {@code KAZOO_LOGIN_ATTEMPT}; see {@code META-INF/kazoo-changelog-1.0.0.xml}. */
@Entity
@Table(name = "KAZOO_LOGIN_ATTEMPT")
@NamedQueries({
        @NamedQuery(name = LoginAttemptEntity.FIND,
                query = "select a from LoginAttemptEntity a where a.realmId = :realmId and a.accountId = :accountId"
                        + " and a.id = :id"),
        // Pages are read off IDX_KAZOO_ATTEMPT_PAGE / _TYPE_PAGE in their order and stop after a page. The
        // constant leading columns stay in ORDER BY: H2 reads an index in order only when ORDER BY names them all.
        @NamedQuery(name = LoginAttemptEntity.PAGE,
                query = "select a from LoginAttemptEntity a where a.realmId = :realmId and a.accountId = :accountId"
                        + " and a.createdAt >= :from and a.createdAt <= :to"
                        + " and (a.createdAt < :startAt or (a.createdAt = :startAt and a.id <= :startId))"
                        + " order by a.realmId desc, a.accountId desc, a.createdAt desc, a.id desc"),
        @NamedQuery(name = LoginAttemptEntity.PAGE_OF_TYPE,
                query = "select a from LoginAttemptEntity a where a.realmId = :realmId and a.accountId = :accountId"
                        + " and a.authType = :authType and a.createdAt >= :from and a.createdAt <= :to"
                        + " and (a.createdAt < :startAt or (a.createdAt = :startAt and a.id <= :startId))"
                        + " order by a.realmId desc, a.accountId desc, a.authType desc, a.createdAt desc, a.id desc"),
        @NamedQuery(name = LoginAttemptEntity.PURGE,
                query = "delete from LoginAttemptEntity a where a.realmId = :realmId and a.createdAt < :cutoff")
})
public class LoginAttemptEntity {

    static final String FIND = "kazooFindLoginAttempt";
    static final String PAGE = "kazooLoginAttemptPage";
    static final String PAGE_OF_TYPE = "kazooLoginAttemptPageOfType";
    static final String PURGE = "kazooPurgeLoginAttempts";

    @Id
    @Column(name = "ID", length = 40)
    String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    String realmId;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    String accountId;

    @Column(name = "OWNER_ID", length = 36)
    String ownerId;

    @Column(name = "AUTH_TYPE", length = 64, nullable = false)
    String authType;

    @Column(name = "AUTH_MODULE", length = 64, nullable = false)
    String authModule;

    @Column(name = "STATUS", length = 16, nullable = false)
    String status;

    @Column(name = "MESSAGE", length = 1024)
    String message;

    /** Epoch milliseconds. */
    @Column(name = "CREATED_AT", nullable = false)
    long createdAt;

    @Column(name = "CLIENT_IP", length = 64)
    String clientIp;

    /** The scrubbed headers as a JSON object. */
    @Column(name = "CLIENT_HEADERS", length = 4000)
    String clientHeaders;

    @Column(name = "REQUEST_ID", length = 64)
    String requestId;
}
