package org.kazooauth.core.keycloak.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import org.kazooauth.core.lock.BucketRow;
import org.kazooauth.core.lock.BucketSettings;
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
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One realm's lock buckets in Keycloak's database, shared by every node. Each step runs in a short transaction of
 * its own, so the row lock is released at once rather than at the end of the login, and a failure is kept even
 * when the login's own transaction is rolled back; only a good login's give-back joins the request's transaction,
 * as its last statement, so that it costs no commit of its own. Reserving where there is room, giving a
 * reservation back and paying a failure that does not empty the bucket are one conditional {@code UPDATE} each;
 * everything else holds the row lock ({@code SELECT … FOR UPDATE}).
 */
public final class JpaLockBucketStore implements LockBucketStore {

    /**
     * Two first attempts on a bucket on two nodes may both insert its row; the loser retries and finds the row.
     * On one node they take turns ({@link #TURNS}), so the race, and Hibernate's warnings about the failed
     * insert's batch, are left to the rare case of two nodes creating one bucket in the same instant.
     */
    private static final int ATTEMPTS = 3;
    /** The read-modify-write steps of one node take turns per bucket (striped). */
    private static final ReentrantLock[] TURNS = new ReentrantLock[64];

    static {
        for (int i = 0; i < TURNS.length; i++) {
            TURNS[i] = new ReentrantLock();
        }
    }

    private final KeycloakSession caller;
    private final KeycloakSessionFactory sessions;
    private final String realmId;

    /** The buckets of {@code realmId}, for the request of {@code caller}. */
    public JpaLockBucketStore(KeycloakSession caller, String realmId) {
        this.caller = caller;
        this.sessions = caller.getKeycloakSessionFactory();
        this.realmId = realmId;
    }

    @Override
    public boolean tryReserve(LockSubject subject, long cost, long maxTokens, Instant now, Instant leaseUntil) {
        return KeycloakModelUtils.runJobInTransactionWithResult(sessions, session -> entityManager(session)
                .createNamedQuery(LockBucketEntity.TRY_RESERVE)
                .setParameter("realmId", realmId)
                .setParameter("key", subject.key())
                .setParameter("cost", cost)
                .setParameter("maxTokens", maxTokens)
                .setParameter("now", now.toEpochMilli())
                .setParameter("leaseUntil", leaseUntil.toEpochMilli())
                .executeUpdate() == 1);
    }

    @Override
    public boolean tryCharge(LockSubject subject, long cost, BucketSettings bucket, Instant now) {
        return KeycloakModelUtils.runJobInTransactionWithResult(sessions, session -> entityManager(session)
                .createNamedQuery(LockBucketEntity.TRY_CHARGE)
                .setParameter("realmId", realmId)
                .setParameter("key", subject.key())
                .setParameter("cost", cost)
                .setParameter("twiceCost", 2 * cost)
                .setParameter("maxTokens", bucket.maxTokens())
                .setParameter("now", now.toEpochMilli())
                .setParameter("refillDue", now.toEpochMilli() - bucket.fillTime().toMillis())
                .executeUpdate() == 1);
    }

    @Override
    public void release(LockSubject subject, long cost) {
        KeycloakModelUtils.runJobInTransaction(sessions, session -> release(entityManager(session), subject, cost));
    }

    @Override
    public void releaseWithCaller(LockSubject subject, long cost) {
        EntityManager request = entityManager(caller);
        // the request's own writes go first, so the bucket's row is locked only while the request commits
        request.flush();
        release(request, subject, cost);
    }

    private void release(EntityManager em, LockSubject subject, long cost) {
        em.createNamedQuery(LockBucketEntity.RELEASE)
                .setParameter("realmId", realmId)
                .setParameter("key", subject.key())
                .setParameter("cost", cost)
                .executeUpdate();
    }

    @Override
    public <R> R update(LockSubject subject, Function<Optional<BucketRow>, Change<R>> change) {
        ReentrantLock turn = TURNS[Math.floorMod(subject.key().hashCode(), TURNS.length)];
        turn.lock();
        try {
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
        } finally {
            turn.unlock();
        }
    }

    private <R> R update(EntityManager em, LockSubject subject, Function<Optional<BucketRow>, Change<R>> change) {
        LockBucketEntity row = em.find(LockBucketEntity.class, new LockBucketEntity.Key(realmId, subject.key()),
                LockModeType.PESSIMISTIC_WRITE);
        Change<R> result = change.apply(Optional.ofNullable(row).map(JpaLockBucketStore::state));
        if (row == null) {
            row = new LockBucketEntity();
            row.realmId = realmId;
            row.key = subject.key();
            em.persist(row);
        }
        BucketRow next = result.next();
        row.accountId = subject.accountId();
        row.tokens = next.settled().tokens();
        row.refilledAt = next.settled().refilledAt().toEpochMilli();
        row.inFlight = next.inFlight();
        row.leaseUntil = next.leaseUntil().toEpochMilli();
        em.flush();
        return result.result();
    }

    @Override
    public Optional<BucketRow> find(LockSubject subject) {
        return KeycloakModelUtils.runJobInTransactionWithResult(sessions, session -> Optional.ofNullable(
                entityManager(session).find(LockBucketEntity.class, new LockBucketEntity.Key(realmId, subject.key())))
                .map(JpaLockBucketStore::state));
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
    public void fillAccount(String accountId, long maxTokens, Instant now) {
        KeycloakModelUtils.runJobInTransaction(sessions, session -> entityManager(session)
                .createNamedQuery(LockBucketEntity.FILL_ACCOUNT)
                .setParameter("realmId", realmId)
                .setParameter("accountId", accountId)
                .setParameter("maxTokens", maxTokens)
                .setParameter("now", now.toEpochMilli())
                .executeUpdate());
    }

    private static BucketRow state(LockBucketEntity row) {
        return new BucketRow(new TokenBucket.State(row.tokens, Instant.ofEpochMilli(row.refilledAt)), row.inFlight,
                Instant.ofEpochMilli(row.leaseUntil));
    }

    private static EntityManager entityManager(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
