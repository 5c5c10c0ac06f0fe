package org.kazooauth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keycloak's embedded H2 in files (so it survives a restart), in mixed mode: Keycloak serves it and the tests may
 * connect too. Emptied before each run.
 */
public final class H2FileDatabase implements TestDatabase {

    private static final String USER = "sa";
    private static final String PASSWORD = "password";

    private final String url;

    private H2FileDatabase(Path directory) {
        this.url = "jdbc:h2:file:" + directory.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE";
    }

    /** The database in {@code directory} as it is, for a server that keeps it (the benchmark's). */
    public static H2FileDatabase existing(Path directory) {
        return new H2FileDatabase(directory);
    }

    public static H2FileDatabase createFresh(Path directory) {
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> old = Files.walk(directory)) {
                    for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(directory);
            return new H2FileDatabase(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String vendor() {
        return "dev-file";
    }

    @Override
    public List<String> keycloakOptions() {
        return List.of("--db-url=" + url, "--db-username=" + USER, "--db-password=" + PASSWORD);
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    @Override
    public void close() {
    }
}
