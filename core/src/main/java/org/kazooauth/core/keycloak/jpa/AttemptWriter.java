package org.kazooauth.core.keycloak.jpa;

import org.jboss.logging.Logger;
import org.kazooauth.core.attempt.LoginAttempt;
import org.kazooauth.core.keycloak.JvmShutdown;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Login attempts on their way to the database. A login only queues its record; one writer per node stores what
 * queued every {@value #FLUSH_MILLIS} ms in one transaction of multi-row inserts, so the login path pays no
 * statement and no transaction of its own for it. Readers of the attempt log flush first, so a node's own logins
 * are listed at once; another node's appear within the interval. Keycloak's shutdown flushes what is left; a crash
 * loses at most the records of the last interval.
 */
public final class AttemptWriter {

    /** The node's writer: the recorder queues into it, the attempt endpoints flush it. */
    public static final AttemptWriter NODE = new AttemptWriter();

    static final int FLUSH_MILLIS = 1000;
    /** Rows in one insert at most (the parameters of one statement stay far below every database's limit). */
    static final int MAX_BATCH = 256;
    private static final Logger LOG = Logger.getLogger(AttemptWriter.class);

    /** An attempt of realm {@code realmId}. */
    record Queued(String realmId, LoginAttempt attempt) {
    }

    private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final Object flushing = new Object();
    private volatile KeycloakSessionFactory sessions;
    private ScheduledExecutorService timer;

    private AttemptWriter() {
    }

    /** Starts writing for Keycloak's {@code sessions}; called once the providers are up. */
    public synchronized void start(KeycloakSessionFactory sessions) {
        this.sessions = sessions;
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "kazoo-attempt-writer");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Flushes what is queued and stops, before the database goes away. */
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        flush();
        sessions = null;
    }

    public void add(String realmId, LoginAttempt attempt) {
        queue.add(new Queued(realmId, attempt));
    }

    /**
     * Stores everything queued so far, in the caller's thread, so that a read after it sees it. Never throws: records
     * the database refuses are dropped with an error in the log, rather than block every later one.
     */
    public void flush() {
        KeycloakSessionFactory factory = sessions;
        if (factory == null) {
            return;
        }
        synchronized (flushing) {
            List<Queued> batch = new ArrayList<>();
            for (Queued next = queue.poll(); next != null; next = queue.poll()) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> JpaLoginAttemptStore.addAll(
                        session.getProvider(JpaConnectionProvider.class).getEntityManager(), batch));
            } catch (RuntimeException e) {
                if (JvmShutdown.started()) {
                    LOG.warnf("%d login attempts not stored: the database closed before Keycloak stopped", batch.size());
                } else {
                    LOG.errorf(e, "dropped %d login attempts the database did not take", batch.size());
                }
            }
        }
    }
}
