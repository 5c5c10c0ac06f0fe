package org.kazooauth.core.keycloak.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import org.kazooauth.core.lock.LockBucketStore;
import org.kazooauth.core.lock.LockSubject;
import org.kazooauth.core.lock.TokenBucket;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One realm's lock buckets in Keycloak's database, shared by every node. Each update runs in a short transaction
 * of its own that holds the bucket's row lock ({@code SELECT … FOR UPDATE}): concurrent failures on any node are
 * counted one after the other, the lock is released at once rather than at the end of the login, and a refused
 * login's failure is kept even when the login's own transaction is rolled back.
 */
public final class JpaLockBucketStore implements LockBucketStore {

    /** Two first failures of a bucket may both insert its row; the loser retries and finds the row. */
    private static final int ATTEMPTS = 3;

    private final KeycloakSessionFactory sessions;
    private final String realmId;

    public JpaLockBucketStore(KeycloakSessionFactory sessions, String realmId) {
        this.sessions = sessions;
        this.realmId = realmId;
    }

    @Override
    public <R> R update(LockSubject subject, Function<Optional<TokenBucket.State>, Change<R>> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return KeycloakModelUtils.runJobInTransactionWithResult(sessions,
                        session -> update(entityManager(session), subject, change));
            } catch (PersistenceException | ModelDuplicateException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private <R> R update(EntityManager em, LockSubject subject, Function<Optional<TokenBucket.State>, Change<R>> change) {
        LockBucketEntity row = em.find(LockBucketEntity.class, new LockBucketEntity.Key(realmId, subject.key()),
                LockModeType.PESSIMISTIC_WRITE);
        Change<R> result = change.apply(Optional.ofNullable(row).map(JpaLockBucketStore::state));
        if (result.next().isEmpty()) {
            if (row != null) {
                em.remove(row);
            }
            return result.result();
        }
        TokenBucket.State next = result.next().get();
        if (row == null) {
            row = new LockBucketEntity();
            row.realmId = realmId;
            row.key = subject.key();
            em.persist(row);
        }
        row.accountId = subject.accountId();
        row.tokens = next.tokens();
        row.refilledAt = next.refilledAt().toEpochMilli();
        em.flush();
        return result.result();
    }

    @Override
    public List<Bucket> ofAccount(String accountId) {
        return KeycloakModelUtils.runJobInTransactionWithResult(sessions, session -> entityManager(session)
                .createNamedQuery(LockBucketEntity.OF_ACCOUNT, LockBucketEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("accountId", accountId)
                .getResultStream()
                .map(row -> new Bucket(new LockSubject(row.key, row.accountId), state(row)))
                .toList());
    }

    @Override
    public void removeAccount(String accountId) {
        KeycloakModelUtils.runJobInTransaction(sessions, session -> entityManager(session)
                .createNamedQuery(LockBucketEntity.REMOVE_ACCOUNT)
                .setParameter("realmId", realmId)
                .setParameter("accountId", accountId)
                .executeUpdate());
    }

    private static TokenBucket.State state(LockBucketEntity row) {
        return new TokenBucket.State(row.tokens, Instant.ofEpochMilli(row.refilledAt));
    }

    private static EntityManager entityManager(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
