package org.kazooauth.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database of the shared test server, fresh for each run, which tests may also look into while the server
 * runs: what Keycloak stored, not only what its API says.
 */
public interface TestDatabase extends AutoCloseable {

    /** Keycloak's {@code --db} vendor. */
    String vendor();

    /** The other {@code kc.sh} options that put Keycloak on it. */
    List<String> keycloakOptions();

    Connection connect() throws SQLException;

    /** The single number {@code sql} answers, e.g. a {@code count(*)}. */
    default long number(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("'" + sql + "' failed: " + e.getMessage(), e);
        }
    }

    @Override
    void close();
}
