package dev.depot.bench.transport;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The ceiling for a database-backed queue on this machine: plain JDBC, no JMS, the best techniques
 * we know. One table per queue ({@code id} identity primary key, {@code kind}, {@code body});
 * <ul>
 * <li>send: one writer thread per queue group-commits whatever producers hand it meanwhile as one
 * multi-row {@code INSERT ... SELECT FROM unnest(arrays)} in one autocommit statement (with its
 * {@code pg_notify}): one round trip and one WAL flush per batch; a producer's send() returns after
 * the commit holding its message. A transacted producer inserts its buffered messages at commit, in
 * one statement. Non-persistent messages go to an UNLOGGED table.</li>
 * <li>receive: a consumer claims up to {@value #PREFETCH} rows with
 * {@code SELECT ... ORDER BY id LIMIT n FOR UPDATE SKIP LOCKED} in an open transaction, hands them
 * out one by one, and acknowledges them in one {@code DELETE ... WHERE id = ANY(?)} plus commit when
 * the batch is used up (auto-acknowledge) or at the session's commit (transacted). A crash rolls the
 * transaction back and the rows are available again: at-least-once, like JMS.</li>
 * <li>wake-ups: LISTEN/NOTIFY on one channel, and local commits wake local consumers directly; a
 * waiting consumer looks again every 100 ms anyway.</li>
 * <li>healthy tables: a background thread VACUUMs a queue table after every 20 000 deletes.</li>
 * </ul>
 * Not supported: topics, selectors.
 */
public final class RawPgTransport implements Transport {
    public static final int PREFETCH = 100;
    private static final int MAX_BATCH = 1000;
    private static final int MAX_BATCH_BYTES = 8 << 20;
    private static final long VACUUM_EVERY_DELETES = 20_000;

    private final String url;
    private final String schema;
    private final String channel;
    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final Object wake = new Object();
    private long generation;
    private final List<Connection> connections = new ArrayList<>();
    private final Thread listener;
    private final Thread vacuumer;
    private volatile boolean closed;

    public RawPgTransport(String url, String schema) throws SQLException {
        this.url = url;
        this.schema = schema;
        this.channel = schema + "_wake";
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + ident(schema));
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) { // created concurrently by another JVM
                throw e;
            }
        }
        Connection listening = open();
        try (Statement s = listening.createStatement()) {
            s.execute("LISTEN " + ident(channel));
        }
        listener = new Thread(() -> listen(listening), "raw-pg-listener");
        listener.setDaemon(true);
        listener.start();
        vacuumer = new Thread(this::vacuumLoop, "raw-pg-vacuum");
        vacuumer.setDaemon(true);
        vacuumer.start();
    }

    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        synchronized (connections) {
            connections.add(c);
        }
        return c;
    }

    private void release(Connection c) {
        synchronized (connections) {
            connections.remove(c);
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // gone anyway
        }
    }

    private void listen(Connection c) {
        try {
            PGConnection pg = c.unwrap(PGConnection.class);
            while (!closed) {
                PGNotification[] notes = pg.getNotifications(250);
                if (notes != null && notes.length > 0) {
                    wakeAll();
                }
            }
        } catch (SQLException e) {
            if (!closed) {
                System.err.println("raw-pg listener stopped: " + e);
            }
        }
    }

    private void vacuumLoop() {
        Connection c = null;
        try {
            while (!closed) {
                Thread.sleep(2000);
                for (Table t : tables.values()) {
                    if (t.deletesSinceVacuum.get() >= VACUUM_EVERY_DELETES) {
                        t.deletesSinceVacuum.set(0);
                        if (c == null) {
                            c = open();
                        }
                        try (Statement s = c.createStatement()) {
                            s.execute("VACUUM " + t.qualified);
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            if (!closed) {
                System.err.println("raw-pg vacuum stopped: " + e);
            }
        }
    }

    private void wakeAll() {
        synchronized (wake) {
            generation++;
            wake.notifyAll();
        }
    }

    private long generation() {
        synchronized (wake) {
            return generation;
        }
    }

    private void awaitWake(long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (wake) {
            while (generation == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(wake, left);
            }
        }
    }

    @Override
    public void prepare(Dest dest, SendMode mode) throws SQLException {
        table(dest, mode == SendMode.NON_PERSISTENT);
    }

    private Table table(Dest dest, boolean unloggedIfNew) throws SQLException {
        if (dest.topic()) {
            throw new UnsupportedOperationException("raw PostgreSQL: topics are not implemented");
        }
        Table known = tables.get(dest.name());
        if (known != null) {
            return known;
        }
        synchronized (tables) {
            known = tables.get(dest.name());
            if (known != null) {
                return known;
            }
            String name = "q_" + dest.name().toLowerCase().replaceAll("[^a-z0-9_]", "_");
            if (name.length() > 60) {
                name = name.substring(0, 60);
            }
            String qualified = ident(schema) + "." + ident(name);
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                try {
                    s.execute("CREATE " + (unloggedIfNew ? "UNLOGGED " : "") + "TABLE IF NOT EXISTS " + qualified
                            + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kind text, body bytea NOT NULL)");
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
            Table t = new Table(qualified);
            tables.put(dest.name(), t);
            return t;
        }
    }

    @Override
    public Client connect(String clientId) {
        return new Client() {
            @Override
            public Sender sender(Dest dest, SendMode mode) throws SQLException {
                return new PgSender(table(dest, mode == SendMode.NON_PERSISTENT), mode);
            }

            @Override
            public Receiver receiver(Dest dest, AckMode mode, String selector, String subscription) throws SQLException {
                if (selector != null) {
                    throw new UnsupportedOperationException("raw PostgreSQL: selectors are not implemented");
                }
                return new PgReceiver(table(dest, false), mode == AckMode.TRANSACTED);
            }

            @Override
            public void unsubscribe(String subscription) {
                throw new UnsupportedOperationException("raw PostgreSQL: topics are not implemented");
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() throws Exception {
        closed = true;
        for (Table t : tables.values()) {
            t.stopWriter();
        }
        listener.interrupt();
        vacuumer.interrupt();
        listener.join(2000);
        vacuumer.join(2000);
        synchronized (connections) {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
            }
            connections.clear();
        }
    }

    private record Request(byte[] body, String kind, Completion completion) {
    }

    private final class Table {
        final String qualified;
        final String insertSql;
        final AtomicLong deletesSinceVacuum = new AtomicLong();
        private final LinkedBlockingQueue<Request> pending = new LinkedBlockingQueue<>();
        private Thread writer;

        Table(String qualified) {
            this.qualified = qualified;
            this.insertSql = "WITH i AS (INSERT INTO " + qualified + " (kind, body) SELECT * FROM unnest(?::text[], ?::bytea[]))"
                    + " SELECT pg_notify(?, '')";
        }

        synchronized void submit(Request r) {
            if (closed) {
                throw new IllegalStateException("transport closed");
            }
            if (writer == null) {
                writer = new Thread(this::writeLoop, "raw-pg-writer " + qualified);
                writer.setDaemon(true);
                writer.start();
            }
            pending.add(r);
        }

        synchronized void stopWriter() throws InterruptedException {
            if (writer != null) {
                writer.interrupt();
                writer.join(5000);
            }
        }

        private void writeLoop() {
            Connection c = null;
            List<Request> batch = new ArrayList<>();
            try {
                while (!closed) {
                    Request first = pending.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.clear();
                    batch.add(first);
                    long bytes = first.body.length;
                    while (batch.size() < MAX_BATCH && bytes < MAX_BATCH_BYTES) {
                        Request next = pending.poll();
                        if (next == null) {
                            break;
                        }
                        batch.add(next);
                        bytes += next.body.length;
                    }
                    try {
                        if (c == null) {
                            c = open();
                        }
                        List<byte[]> bodies = new ArrayList<>(batch.size());
                        List<String> kinds = new ArrayList<>(batch.size());
                        for (Request r : batch) {
                            bodies.add(r.body);
                            kinds.add(r.kind);
                        }
                        insert(c, bodies, kinds);
                        for (Request r : batch) {
                            r.completion.completed();
                        }
                    } catch (SQLException e) {
                        for (Request r : batch) {
                            r.completion.failed(e);
                        }
                        if (c != null) {
                            release(c);
                            c = null;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                for (Request r; (r = pending.poll()) != null;) {
                    r.completion.failed(new IllegalStateException("transport closed"));
                }
            }
        }

        /** One autocommit statement: all rows, and the wake-up, in one transaction. */
        void insert(Connection c, List<byte[]> bodies, List<String> kinds) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(insertSql)) {
                Array kindArray = c.createArrayOf("text", kinds.toArray());
                Array bodyArray = c.createArrayOf("bytea", bodies.toArray(new byte[0][]));
                s.setArray(1, kindArray);
                s.setArray(2, bodyArray);
                s.setString(3, channel);
                s.execute();
            }
            wakeAll();
        }
    }

    private final class PgSender implements Sender {
        private final Table table;
        private final SendMode mode;
        private final List<byte[]> txBodies = new ArrayList<>();
        private final List<String> txKinds = new ArrayList<>();
        private Connection txConnection;

        PgSender(Table table, SendMode mode) {
            this.table = table;
            this.mode = mode;
        }

        @Override
        public void send(byte[] body, String kind) throws Exception {
            if (mode == SendMode.TRANSACTED) {
                txBodies.add(body);
                txKinds.add(kind);
                return;
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            table.submit(new Request(body, kind, new Completion() {
                @Override
                public void completed() {
                    done.complete(null);
                }

                @Override
                public void failed(Exception e) {
                    done.completeExceptionally(e);
                }
            }));
            try {
                done.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception x ? x : e;
            }
        }

        @Override
        public void sendAsync(byte[] body, String kind, Completion completion) {
            table.submit(new Request(body, kind, completion));
        }

        @Override
        public void commit() throws SQLException {
            if (mode != SendMode.TRANSACTED || txBodies.isEmpty()) {
                return;
            }
            if (txConnection == null) {
                txConnection = open();
            }
            table.insert(txConnection, txBodies, txKinds);
            txBodies.clear();
            txKinds.clear();
        }

        @Override
        public void close() {
            txBodies.clear();
            txKinds.clear();
            if (txConnection != null) {
                release(txConnection);
            }
        }
    }

    private record Row(long id, byte[] body) {
    }

    private final class PgReceiver implements Receiver {
        private final Table table;
        private final boolean transacted;
        private final Connection connection;
        private final PreparedStatement claim;
        private final PreparedStatement delete;
        private final ArrayDeque<Row> buffer = new ArrayDeque<>();
        private final List<Long> delivered = new ArrayList<>();
        private boolean inTransaction;
        /**
         * Highest id claimed in the open transaction. SKIP LOCKED skips rows locked by others, not the
         * rows this transaction locked itself: without this bound a transacted consumer would claim
         * its own delivered, not yet deleted rows again.
         */
        private long claimedUpTo;

        PgReceiver(Table table, boolean transacted) throws SQLException {
            this.table = table;
            this.transacted = transacted;
            this.connection = open();
            connection.setAutoCommit(false);
            this.claim = connection.prepareStatement("SELECT id, body FROM " + table.qualified
                    + " WHERE id > ? ORDER BY id LIMIT " + PREFETCH + " FOR UPDATE SKIP LOCKED");
            this.delete = connection.prepareStatement("DELETE FROM " + table.qualified + " WHERE id = ANY(?)");
        }

        @Override
        public byte[] receive(long timeoutMillis) throws Exception {
            if (!buffer.isEmpty()) {
                return deliver();
            }
            if (!transacted) {
                acknowledge();
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (true) {
                long seen = generation();
                claim.setLong(1, claimedUpTo);
                try (ResultSet rs = claim.executeQuery()) {
                    inTransaction = true;
                    while (rs.next()) {
                        Row row = new Row(rs.getLong(1), rs.getBytes(2));
                        buffer.add(row);
                        claimedUpTo = Math.max(claimedUpTo, row.id);
                    }
                }
                if (!buffer.isEmpty()) {
                    return deliver();
                }
                if (delivered.isEmpty()) {
                    connection.commit(); // end the empty claim's transaction: hold no snapshot while waiting
                    inTransaction = false;
                    claimedUpTo = 0;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                awaitWake(seen, Math.min(100, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }

        private byte[] deliver() {
            Row row = buffer.poll();
            delivered.add(row.id);
            return row.body;
        }

        private void acknowledge() throws SQLException {
            if (!delivered.isEmpty()) {
                delete.setArray(1, connection.createArrayOf("bigint", delivered.toArray()));
                delete.executeUpdate();
                table.deletesSinceVacuum.addAndGet(delivered.size());
                delivered.clear();
            }
            if (inTransaction) {
                connection.commit();
                inTransaction = false;
            }
            claimedUpTo = 0;
        }

        @Override
        public void commit() throws SQLException {
            acknowledge();
            buffer.clear(); // their row locks went with the commit: others may take them now
        }

        @Override
        public void close() throws SQLException {
            try {
                if (transacted) {
                    connection.rollback();
                    claimedUpTo = 0;
                } else {
                    acknowledge();
                }
            } finally {
                buffer.clear();
                release(connection);
            }
        }
    }
}
