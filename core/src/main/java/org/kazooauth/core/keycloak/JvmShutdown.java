package org.kazooauth.core.keycloak;

/**
 * Whether the JVM has begun to shut down. An embedded database (H2) closes in a shutdown hook of its own, at the
 * same time as Keycloak begins to stop, so background work may find it gone before Keycloak closes the pack's
 * factories: such a failure is the shutdown, not a fault.
 */
public final class JvmShutdown {

    private static volatile boolean started;

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> started = true, "kazoo-shutdown-flag"));
        } catch (IllegalStateException shuttingDown) {
            started = true;
        }
    }

    private JvmShutdown() {
    }

    public static boolean started() {
        return started;
    }
}
