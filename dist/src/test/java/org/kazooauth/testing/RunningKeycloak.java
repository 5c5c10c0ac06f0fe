package org.kazooauth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A Keycloak started by {@link KeycloakLauncher}: where it listens, its bootstrap admin, its log. */
public final class RunningKeycloak implements AutoCloseable {

    private final Process process;
    private final URI baseUrl;
    private final String adminUser;
    private final String adminPassword;
    private final Path log;
    private final Path pidFile;

    RunningKeycloak(Process process, URI baseUrl, String adminUser, String adminPassword, Path log, Path pidFile) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.log = log;
        this.pidFile = pidFile;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public String adminUser() {
        return adminUser;
    }

    public String adminPassword() {
        return adminPassword;
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

    @Override
    public void close() {
        stop();
    }
}
