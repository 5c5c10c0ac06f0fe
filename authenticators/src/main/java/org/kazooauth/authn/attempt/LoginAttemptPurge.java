package org.kazooauth.authn.attempt;

import org.jboss.logging.Logger;
import org.kazooauth.core.keycloak.JvmShutdown;
import org.kazooauth.core.keycloak.KazooNames;
import org.kazooauth.core.keycloak.jpa.JpaLoginAttemptStore;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Deletes each realm's attempts older than its retention ({@code kazoo.crossbar.auth.login_attempts_retention_days},
 * default 90; 0 keeps none). Idempotent, so it does no harm when several nodes run it.
 */
final class LoginAttemptPurge implements ScheduledTask {

    static final String NAME = "kazoo-login-attempt-purge";
    private static final Logger LOG = Logger.getLogger(LoginAttemptPurge.class);

    private final BooleanSupplier closing;

    /** @param closing whether Keycloak is shutting down: then the purge does nothing */
    LoginAttemptPurge(BooleanSupplier closing) {
        this.closing = closing;
    }

    @Override
    public void run(KeycloakSession session) {
        if (closing.getAsBoolean() || JvmShutdown.started()) {
            return;
        }
        try {
            purge(session);
        } catch (RuntimeException e) {
            if (!JvmShutdown.started()) {
                throw e;
            }
            LOG.debugf("login attempt purge skipped: the database closed while Keycloak shut down (%s)", e.getMessage());
        }
    }

    private static void purge(KeycloakSession session) {
        Instant now = Instant.now();
        session.realms().getRealmsStream().forEach(realm -> {
            int removed = JpaLoginAttemptStore.of(session, realm)
                    .purgeOlderThan(now.minus(Duration.ofDays(retentionDays(realm))));
            if (removed > 0) {
                LOG.infof("removed %d login attempts older than %d days from realm %s", removed,
                        retentionDays(realm), realm.getName());
            }
        });
    }

    static int retentionDays(RealmModel realm) {
        String configured = realm.getAttribute(KazooNames.ATTEMPT_RETENTION_DAYS_ATTRIBUTE);
        try {
            return configured == null ? KazooNames.DEFAULT_ATTEMPT_RETENTION_DAYS
                    : Math.max(0, Integer.parseInt(configured.trim()));
        } catch (NumberFormatException e) {
            LOG.warnf("realm %s: %s must be a number of days, not '%s'; keeping %d days", realm.getName(),
                    KazooNames.ATTEMPT_RETENTION_DAYS_ATTRIBUTE, configured, KazooNames.DEFAULT_ATTEMPT_RETENTION_DAYS);
            return KazooNames.DEFAULT_ATTEMPT_RETENTION_DAYS;
        }
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
