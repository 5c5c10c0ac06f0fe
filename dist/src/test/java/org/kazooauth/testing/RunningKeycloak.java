package org.kazooauth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Keycloak started by {@link KeycloakLauncher}: where it listens, its bootstrap admin, its log. It can be
 * restarted on the same ports, so tests holding it keep talking to the same URLs.
 */
public final class RunningKeycloak implements AutoCloseable {

    private final KeycloakLauncher.Settings settings;
    private final URI baseUrl;
    private final String adminUser;
    private final Path log;
    private final Path pidFile;
    private Process process;

    RunningKeycloak(KeycloakLauncher.Settings settings, String adminUser, Path log, Path pidFile) {
        this.settings = settings;
        this.baseUrl = URI.create("http://127.0.0.1:" + settings.httpPort());
        this.adminUser = adminUser;
        this.log = log;
        this.pidFile = pidFile;
    }

    void launch() {
        process = KeycloakLauncher.launch(settings);
        KeycloakLauncher.awaitReady(this, URI.create("http://127.0.0.1:" + settings.managementPort() + "/health/ready"));
    }

    /** Stops the server and starts it again on the same ports and database. */
    public void restart() {
        stop();
        launch();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The management interface: health, and {@code /metrics} with Keycloak's and the pack's counters. */
    public URI managementUrl() {
        return URI.create("http://127.0.0.1:" + settings.managementPort());
    }

    public String adminUser() {
        return adminUser;
    }

    public String adminPassword() {
        return settings.adminPassword();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Kills the server at once (SIGKILL), as a crash or an out-of-memory killer would. */
    public void kill() {
        List<ProcessHandle> tree = new java.util.ArrayList<>(process.toHandle().descendants().toList());
        tree.add(process.toHandle());
        KeycloakLauncher.log("killing Keycloak (pid " + process.pid() + ")");
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> handle.onExit().join());
    }

    /** Starts a stopped or killed server again on the same ports and database. */
    public void start() {
        launch();
    }

    public void stop() {
        if (process.isAlive()) {
            KeycloakLauncher.log("stopping Keycloak (pid " + process.pid() + ")");
            KeycloakLauncher.stopTree(process.toHandle());
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's JVM: the launched process or, when that is Keycloak's start script, the java below it. */
    public ProcessHandle jvm() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants())
                .filter(handle -> handle.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no java process below pid " + process.pid()));
    }

    /** How many live threads of the server's JVM have names starting with {@code prefix}, as jcmd lists them. */
    public long threadsNamed(String prefix) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(jvm().pid()), "Thread.print").redirectErrorStream(true).start();
            String threads = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (jcmd.waitFor() != 0) {
                throw new IllegalStateException("jcmd failed: " + threads);
            }
            return threads.lines().filter(line -> line.startsWith("\"" + prefix)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
