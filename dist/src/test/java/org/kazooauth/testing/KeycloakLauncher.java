package org.kazooauth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a real Keycloak from an unpacked {@code keycloak-quarkus-dist} with the provider jar in
 * {@code providers/} and the demo realm in {@code data/import/}: the one way this project runs Keycloak, for the
 * integration tests and for {@code ./run.sh}. No Docker; everything it writes stays in the distribution and the
 * work directory.
 */
public final class KeycloakLauncher {

    /**
     * How to start.
     *
     * @param home           the unpacked distribution
     * @param providerJar    the built provider jar; null for stock Keycloak (nothing in providers/ or data/import/)
     * @param realmFile      the realm export to import; null for none
     * @param workDir        where the log and the pid file go
     * @param database       {@code dev-file} (Keycloak's embedded H2) or {@code postgres}
     * @param httpPort       0 for a free loopback port
     * @param managementPort 0 for a free loopback port
     * @param adminPassword  password of the bootstrap admin {@code admin} of the master realm
     * @param options        more {@code kc.sh} options
     */
    public record Settings(Path home, Path providerJar, Path realmFile, Path workDir, String database,
                           int httpPort, int managementPort, String adminPassword, List<String> options) {

        /** The settings the Maven build passes as system properties. */
        public static Settings fromSystemProperties(String database, int httpPort, int managementPort,
                                                    String adminPassword, String... options) {
            return new Settings(path("keycloak.home"), path("kazoo.jar"), path("kazoo.realm.file"),
                    path("kazoo.work.dir"), database, httpPort, managementPort, adminPassword, List.of(options));
        }

        private static Path path(String property) {
            String value = System.getProperty(property);
            if (value == null) {
                throw new IllegalStateException("system property " + property + " is not set: run through Maven"
                        + " (mvn verify, or ./run.sh), which sets it");
            }
            return Path.of(value).toAbsolutePath().normalize();
        }
    }

    public static final String ADMIN_USER = "admin";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private KeycloakLauncher() {
    }

    public static RunningKeycloak start(Settings settings) {
        try {
            Files.createDirectories(settings.workDir());
            stopOrphan(pidFile(settings));
            install(settings);
            Settings fixed = new Settings(settings.home(), settings.providerJar(), settings.realmFile(),
                    settings.workDir(), settings.database(),
                    settings.httpPort() == 0 ? freePort() : settings.httpPort(),
                    settings.managementPort() == 0 ? freePort() : settings.managementPort(),
                    settings.adminPassword(), settings.options());
            Files.deleteIfExists(log(fixed));
            RunningKeycloak keycloak = new RunningKeycloak(fixed, ADMIN_USER, log(fixed), pidFile(fixed));
            keycloak.launch();
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server process of {@code settings} (ports fixed), its output appended to its log. */
    static Process launch(Settings settings) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command(settings, settings.httpPort(), settings.managementPort()))
                    .directory(settings.home().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log(settings).toFile()));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
            log("starting Keycloak " + settings.home().getFileName() + " on http://127.0.0.1:" + settings.httpPort()
                    + " (log: " + log(settings) + ")");
            Process process = builder.start();
            Files.writeString(pidFile(settings), Long.toString(process.pid()));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path log(Settings settings) {
        return settings.workDir().resolve("keycloak.log");
    }

    private static Path pidFile(Settings settings) {
        return settings.workDir().resolve("keycloak.pid");
    }

    private static List<String> command(Settings settings, int httpPort, int managementPort) {
        List<String> command = new ArrayList<>(List.of(
                settings.home().resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--health-enabled=true",
                // the pack's counters on /metrics beside Keycloak's, and the admin console's Kazoo tab, which
                // Keycloak shows only with its admin-console extension feature
                "--metrics-enabled=true",
                "--features=declarative-ui",
                "--db=" + settings.database(),
                "--import-realm"));
        command.addAll(settings.options());
        return command;
    }

    /**
     * Puts the jar in {@code providers/} unless the same bytes are already there: Keycloak re-augments (about
     * 19 s) whenever the file changes, and the build is reproducible, so an unchanged build costs nothing.
     */
    private static void install(Settings settings) throws IOException {
        if (settings.providerJar() == null) {
            removeProviders(settings);
            return;
        }
        if (!Files.isRegularFile(settings.providerJar())) {
            throw new IllegalStateException("provider jar " + settings.providerJar() + " is missing: build it with "
                    + "'mvn package' first");
        }
        if (!Files.isExecutable(settings.home().resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + settings.home()
                    + ": 'mvn verify' (or ./run.sh) unpacks it in the pre-integration-test phase");
        }
        Path installed = Files.createDirectories(settings.home().resolve("providers"))
                .resolve(settings.providerJar().getFileName());
        if (!Files.exists(installed) || Files.mismatch(installed, settings.providerJar()) != -1) {
            Files.copy(settings.providerJar(), installed, StandardCopyOption.REPLACE_EXISTING);
        }
        Path imports = Files.createDirectories(settings.home().resolve("data/import"));
        if (settings.realmFile() != null) {
            Files.copy(settings.realmFile(), imports.resolve(settings.realmFile().getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Stock Keycloak, for comparisons: no provider jar and nothing to import. */
    private static void removeProviders(Settings settings) throws IOException {
        for (String folder : new String[]{"providers", "data/import"}) {
            Path path = settings.home().resolve(folder);
            if (Files.isDirectory(path)) {
                try (var files = Files.list(path)) {
                    for (Path file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    static void awaitReady(RunningKeycloak keycloak, URI ready) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        long nextReport = 10;
        while (true) {
            long waited = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak exited while starting; last lines of " + keycloak.log()
                        + ":\n" + keycloak.logTail(60));
            }
            if (waited > READY_TIMEOUT.toSeconds()) {
                String tail = keycloak.logTail(60);
                keycloak.stop();
                throw new IllegalStateException("Keycloak was not ready after " + READY_TIMEOUT.toSeconds()
                        + " s; last lines of " + keycloak.log() + ":\n" + tail);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    log("Keycloak ready after " + waited + " s");
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                keycloak.stop();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            if (waited >= nextReport) {
                log("waiting for Keycloak to be ready (" + waited + " s)…");
                nextReport += 10;
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /** A server left running by a test JVM that was killed: stop it before it holds ports and memory. */
    private static void stopOrphan(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String pid = Files.readString(pidFile).trim();
        Optional<ProcessHandle> orphan = pid.matches("\\d+") ? ProcessHandle.of(Long.parseLong(pid)) : Optional.empty();
        orphan.filter(ProcessHandle::isAlive).ifPresent(process -> {
            log("stopping Keycloak left running by an earlier run (pid " + pid + ")");
            stopTree(process);
        });
        Files.deleteIfExists(pidFile);
    }

    /** SIGTERM to the whole tree (kc.sh and its java), then SIGKILL what is still alive. */
    public static void stopTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(200));
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void log(String message) {
        System.out.println("[keycloak] " + message);
    }
}
