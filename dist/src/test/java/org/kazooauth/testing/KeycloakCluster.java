package org.kazooauth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Two Keycloak nodes on loopback sharing one fresh PostgreSQL database, each from its own copy of the
 * distribution with the provider jar and the demo realm, discovering each other through the database (Keycloak
 * 26's default jdbc-ping stack), as {@code shared/reference/testing-keycloak-without-docker.md} records. Both
 * carry node 1's URL as their front URL, as behind a load balancer, so a token of one is a token of the other.
 * Node 1 starts (and imports the realm) before node 2 joins.
 */
public final class KeycloakCluster implements AutoCloseable {

    private final PostgresDatabase database;
    private final List<RunningKeycloak> nodes;

    private KeycloakCluster(PostgresDatabase database, List<RunningKeycloak> nodes) {
        this.database = database;
        this.nodes = nodes;
    }

    /** Starts the two nodes from the copies under {@code clusterDir} ({@code node1}, {@code node2}). */
    public static KeycloakCluster start(Path clusterDir, String version) {
        PostgresDatabase database = PostgresDatabase.createFresh();
        List<RunningKeycloak> nodes = new ArrayList<>();
        try {
            String admin = UUID.randomUUID().toString();
            int frontPort = KeycloakLauncher.freePort();
            for (int node = 1; node <= 2; node++) {
                Path dir = clusterDir.resolve("node" + node);
                List<String> options = new ArrayList<>(database.keycloakOptions());
                options.add("--cache=ispn");
                options.add("--cache-embedded-network-bind-address=127.0.0.1");
                options.add("--cache-embedded-network-bind-port=" + KeycloakLauncher.freePort());
                options.add("--hostname=http://127.0.0.1:" + frontPort);
                options.add("--truststore-paths=" + DuoEmulator.certificatePem());
                KeycloakLauncher.Settings defaults = KeycloakLauncher.Settings.fromSystemProperties("postgres", 0, 0, admin);
                nodes.add(KeycloakLauncher.start(new KeycloakLauncher.Settings(dir.resolve("keycloak-" + version),
                        defaults.providerJar(), defaults.realmFile(), dir.resolve("work"), "postgres",
                        node == 1 ? frontPort : 0, 0, admin, options)));
            }
            return new KeycloakCluster(database, nodes);
        } catch (IOException e) {
            nodes.forEach(RunningKeycloak::stop);
            database.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            nodes.forEach(RunningKeycloak::stop);
            database.close();
            throw e;
        }
    }

    /** Node 1 or 2. */
    public RunningKeycloak node(int number) {
        return nodes.get(number - 1);
    }

    public TestDatabase database() {
        return database;
    }

    /** Whether a node's log shows a cluster view of two members. */
    public boolean viewOfTwoIn(RunningKeycloak node) {
        try {
            return Files.readAllLines(node.log()).stream()
                    .anyMatch(line -> line.contains("ISPN000094") && line.contains("(2)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        nodes.forEach(RunningKeycloak::stop);
        database.close();
    }
}
