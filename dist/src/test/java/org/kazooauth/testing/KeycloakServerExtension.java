package org.kazooauth.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Gives integration tests a real Keycloak with the provider jar and the demo realm: ONE server per test JVM,
 * started by the first class that needs it and stopped when the whole run ends. Tests receive it as a
 * {@link RunningKeycloak} parameter.
 */
public final class KeycloakServerExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            KeycloakServerExtension.class);

    /** So that a test can see the login-attempt retention at work. */
    static final String PURGE_EVERY_TWO_SECONDS =
            "--spi-events-listener--kazoo-login-attempts--purge-interval-seconds=2";

    /** Closed by JUnit when the root context closes, i.e. after the last test class. */
    private record Shared(RunningKeycloak keycloak, TestDatabase database)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            keycloak.stop();
            database.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        shared(context);
    }

    private static Shared shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Shared.class, key -> start(), Shared.class);
    }

    /**
     * On Keycloak's embedded H2 (in files, so that a restart keeps it) by default; on a fresh PostgreSQL
     * database with {@code -Dkazoo.it.db=postgres}.
     */
    private static Shared start() {
        String admin = UUID.randomUUID().toString();
        KeycloakLauncher.Settings defaults = KeycloakLauncher.Settings.fromSystemProperties("dev-file", 0, 0, admin);
        TestDatabase database = "postgres".equals(System.getProperty("kazoo.it.db", "h2"))
                ? PostgresDatabase.createFresh()
                : H2FileDatabase.createFresh(defaults.workDir().resolve("h2"));
        List<String> options = new ArrayList<>(database.keycloakOptions());
        options.add(PURGE_EVERY_TWO_SECONDS);
        // Keycloak's own way to trust a TLS peer: here the Duo emulator's certificate
        options.add("--truststore-paths=" + DuoEmulator.certificatePem());
        return new Shared(KeycloakLauncher.start(KeycloakLauncher.Settings.fromSystemProperties(
                database.vendor(), 0, 0, admin, options.toArray(String[]::new))), database);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningKeycloak.class || type == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Shared shared = shared(context);
        return parameter.getParameter().getType() == RunningKeycloak.class ? shared.keycloak() : shared.database();
    }
}
