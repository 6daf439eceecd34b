package dev.depot.bench.metrics;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The harness's own view of PostgreSQL: counters before and after a measured window, table sizes,
 * schema housekeeping, and the transaction that pins the xmin horizon in the soak.
 *
 * <p>Transactions come from {@code pg_stat_database.xact_commit + xact_rollback} of the benchmark's
 * database. PostgreSQL 15 publishes a backend's counters when it goes idle, at most once a second,
 * and an idle backend's last counts may wait up to 10 s ({@code PGSTAT_IDLE_INTERVAL}); so a window
 * is "settled" when the harness waited that long before reading (see --settle-ms). The monitor's
 * own queries are counted and taken off. WAL bytes are {@code pg_current_wal_lsn()} differences,
 * exact at any time. Both are database-wide (WAL even cluster-wide): whatever else runs on this
 * PostgreSQL meanwhile is counted too; the harness reports other client backends it saw.
 */
public final class PgMonitor implements AutoCloseable {
    private final String url;
    private final String database;
    private Connection connection;
    private long queries;
    private long postmasterPid = -1;

    public record Snapshot(long xacts, long walBytes, long ownQueriesBefore, int foreignBackends) {
    }

    public PgMonitor(String url) throws SQLException {
        this.url = url;
        this.connection = DriverManager.getConnection(url);
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database(), pg_backend_pid()")) {
            rs.next();
            database = rs.getString(1);
            long backend = rs.getLong(2);
            postmasterPid = ProcCpu.parentOf(backend);
        }
        queries++;
    }

    public String url() {
        return url;
    }

    public String database() {
        return database;
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(url);
        }
        return connection;
    }

    /** CPU of every PostgreSQL process of this cluster (postmaster tree), or -1 off this machine. */
    public long serverCpuNanos() {
        return postmasterPid > 0 ? ProcCpu.treeNanos(postmasterPid) : -1;
    }

    public synchronized Snapshot snapshot() throws SQLException {
        long before = queries;
        try (Statement s = connection().createStatement(); ResultSet rs = s.executeQuery(
                "SELECT d.xact_commit + d.xact_rollback, pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint,"
                        + " (SELECT count(*) FROM pg_stat_activity a WHERE a.datid = d.datid AND a.backend_type = 'client backend'"
                        + "    AND a.pid <> pg_backend_pid() AND coalesce(a.application_name, '') NOT LIKE 'depot-bench%')"
                        + " FROM pg_stat_database d WHERE d.datname = current_database()")) {
            queries++;
            rs.next();
            return new Snapshot(rs.getLong(1), rs.getLong(2), before, rs.getInt(3));
        }
    }

    /** Transactions of everybody but this monitor between two snapshots. */
    public static long xactsBetween(Snapshot a, Snapshot b) {
        return (b.xacts - a.xacts) - (b.ownQueriesBefore - a.ownQueriesBefore);
    }

    public record TableStats(long bytes, long liveTuples, long deadTuples) {
    }

    /** Sum over the schema's tables: total size with indexes and TOAST, live and dead tuples. */
    public synchronized TableStats tables(String schema) throws SQLException {
        try (PreparedStatement s = connection().prepareStatement(
                "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint, coalesce(sum(st.n_live_tup), 0)::bigint,"
                        + " coalesce(sum(st.n_dead_tup), 0)::bigint"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " LEFT JOIN pg_stat_all_tables st ON st.relid = c.oid"
                        + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'm')")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                queries++;
                rs.next();
                return new TableStats(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    public synchronized void execute(String sql) throws SQLException {
        try (Statement s = connection().createStatement()) {
            s.execute(sql);
            queries++;
        }
    }

    public void createSchema(String schema) throws SQLException {
        execute("CREATE SCHEMA IF NOT EXISTS \"" + schema + "\"");
    }

    public void dropSchema(String schema) throws SQLException {
        execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
    }

    public synchronized Map<String, Object> settings() throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Statement s = connection().createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit',"
                        + " 'wal_level', 'full_page_writes', 'shared_buffers', 'autovacuum', 'max_connections', 'wal_sync_method',"
                        + " 'commit_delay', 'shared_preload_libraries', 'max_prepared_transactions') ORDER BY name")) {
            queries++;
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        out.put("database", database);
        return out;
    }

    /**
     * Opens a transaction that holds back the xmin horizon of the whole cluster (a REPEATABLE READ
     * snapshot and an assigned transaction id) until the returned handle is closed.
     */
    public AutoCloseable pinXmin() throws SQLException {
        Connection pin = DriverManager.getConnection(url);
        pin.setAutoCommit(false);
        pin.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement s = pin.createStatement(); ResultSet rs = s.executeQuery("SELECT txid_current()")) {
            rs.next();
        }
        return () -> {
            try {
                pin.rollback();
            } finally {
                pin.close();
            }
        };
    }

    @Override
    public synchronized void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }
}
