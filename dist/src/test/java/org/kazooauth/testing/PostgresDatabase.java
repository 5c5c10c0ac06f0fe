package org.kazooauth.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh database on the PostgreSQL at 127.0.0.1:5432 (trust authentication, user postgres), made for one test
 * run and dropped after it.
 */
public final class PostgresDatabase implements TestDatabase {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String USER = "postgres";

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    public static PostgresDatabase createFresh() {
        String name = "kazoo_it_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
                + ThreadLocalRandom.current().nextInt(1000, 10000);
        execute("CREATE DATABASE " + name);
        KeycloakLauncher.log("created PostgreSQL database " + name);
        return new PostgresDatabase(name);
    }

    @Override
    public String vendor() {
        return "postgres";
    }

    @Override
    public List<String> keycloakOptions() {
        return List.of("--db-url=" + SERVER + name, "--db-username=" + USER);
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + name, USER, "");
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** Runs {@code sql} on the server as {@code postgres}, connected to its own database. */
    public static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 (user " + USER + ") refused '" + sql
                    + "': " + e.getMessage() + ". The postgres profile needs it; plain ./test.sh skips it when "
                    + "PostgreSQL does not answer.", e);
        }
    }
}
