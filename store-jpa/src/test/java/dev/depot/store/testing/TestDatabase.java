package dev.depot.store.testing;

import dev.depot.store.ConnectionSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The PostgreSQL that tests run against: the one named by {@code DEPOT_TEST_JDBC_URL}, else an
 * embedded one started once per JVM. Each test class takes a schema of its own with
 * {@link #newSchema()}, so classes never see each other's queues.
 */
public final class TestDatabase {

    public static final String URL_VARIABLE = "DEPOT_TEST_JDBC_URL";

    private static String url;
    private static EmbeddedPostgres embedded;

    private TestDatabase() {
    }

    /** The JDBC URL, credentials included, of the test database. */
    public static synchronized String url() {
        if (url == null) {
            String configured = System.getenv(URL_VARIABLE);
            if (configured != null && !configured.isBlank()) {
                url = configured;
            } else {
                try {
                    embedded = EmbeddedPostgres.builder()
                            .setServerConfig("max_prepared_transactions", "64")
                            .start();
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not start the embedded PostgreSQL; set "
                            + URL_VARIABLE + " to use a running one", e);
                }
                url = embedded.getJdbcUrl("postgres", "postgres");
            }
        }
        return url;
    }

    /** Opens a connection to the test database. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    /** A connection source for a store in the given schema. */
    public static ConnectionSource connections() {
        return TestDatabase::connect;
    }

    /** A fresh, unused schema name; the store creates the schema on start. */
    public static String newSchema() {
        return "t_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36).toLowerCase(Locale.ROOT);
    }

    /** Drops a schema and everything in it. */
    public static void dropSchema(String schema) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop schema " + schema, e);
        }
    }
}
