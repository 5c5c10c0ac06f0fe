package org.kazooauth.authn.attempt;

import com.google.auto.service.AutoService;
import org.kazooauth.core.keycloak.JvmShutdown;
import org.kazooauth.core.keycloak.jpa.AttemptWriter;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.timer.TimerProvider;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The login-attempt log: a global event listener (on in every realm, nothing to enable) and the retention purge,
 * run every {@code purge-interval-seconds} (default an hour; SPI option
 * {@code --spi-events-listener--kazoo-login-attempts--purge-interval-seconds}).
 */
@AutoService(EventListenerProviderFactory.class)
public final class LoginAttemptRecorderFactory implements EventListenerProviderFactory {

    public static final String ID = "kazoo-login-attempts";
    static final String PURGE_INTERVAL = "purge-interval-seconds";
    static final long DEFAULT_PURGE_INTERVAL_SECONDS = Duration.ofHours(1).toSeconds();

    private long purgeIntervalSeconds = DEFAULT_PURGE_INTERVAL_SECONDS;
    private KeycloakSessionFactory sessions;
    /** Set when Keycloak shuts down: a purge that fires then would find the database gone. */
    private final AtomicBoolean closing = new AtomicBoolean();

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new LoginAttemptRecorder(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void init(Config.Scope config) {
        purgeIntervalSeconds = Math.max(1, config.getLong(PURGE_INTERVAL, DEFAULT_PURGE_INTERVAL_SECONDS));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        sessions = factory;
        JvmShutdown.started(); // its hook is in place from now on, not registered in the middle of a shutdown
        AttemptWriter.NODE.start(factory);
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .scheduleTask(new LoginAttemptPurge(closing::get), Duration.ofSeconds(purgeIntervalSeconds).toMillis(),
                        LoginAttemptPurge.NAME));
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(PURGE_INTERVAL).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("How often login attempts past the realm's retention are deleted, in seconds.")
                .defaultValue(DEFAULT_PURGE_INTERVAL_SECONDS)
                .add().build();
    }

    /** Stores the attempts still queued and stops the purge, before the database goes away. */
    @Override
    public void close() {
        closing.set(true);
        AttemptWriter.NODE.stop();
        if (sessions == null) {
            return;
        }
        try (KeycloakSession session = sessions.create()) {
            session.getProvider(TimerProvider.class).cancelTask(LoginAttemptPurge.NAME);
        } catch (RuntimeException e) {
            // the timer is going down with Keycloak; the flag keeps a late run from touching the database
        }
    }

    @Override
    public String getId() {
        return ID;
    }
}
