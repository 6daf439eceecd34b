package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped in immediate mode (a crash, as far as its data files know) in the middle of a
 * stream of sends, then started again. This test runs its own PostgreSQL, since it must kill it.
 */
class DatabaseRestartTest {

    @Test
    void everySendThatReturnedSurvivesAnImmediateRestartAndTheConnectionRecovers() throws Exception {
        Path data = Files.createTempDirectory("depot-restart");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // The embedded default trades durability for speed; this test needs PostgreSQL's real promise.
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setPort(port)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setCleanDataDirectory(true).start()) {
            DepotConnectionFactory factory = new DepotConnectionFactory(pg.getJdbcUrl("postgres", "postgres"));
            factory.setConnectTimeoutMillis(1_000);
            factory.setHeartbeatMillis(200);
            factory.setNodeTimeoutMillis(10_000);
            try (factory; Connection connection = factory.createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue("durable"));
                Set<Integer> returned = java.util.concurrent.ConcurrentHashMap.newKeySet();
                List<JMSException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
                java.util.concurrent.atomic.AtomicBoolean sending = new java.util.concurrent.atomic.AtomicBoolean(true);
                Thread sender = new Thread(() -> {
                    for (int n = 0; sending.get(); n++) {
                        try {
                            send(session, producer, n, returned, failures);
                        } catch (JMSException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
                sender.start();
                awaitSize(returned, 200);

                Path pgCtl = restartImmediately(data);
                try {
                    int sentBeforeBack = returned.size();
                    awaitSize(returned, sentBeforeBack + 200);
                    sending.set(false);
                    sender.join();

                    assertThat(failures).as("sends while the database was down fail").isNotEmpty();
                    assertThat(returned.size()).as("the same connection sends again once it is back")
                            .isGreaterThanOrEqualTo(sentBeforeBack + 200);
                    MessageConsumer consumer = session.createConsumer(session.createQueue("durable"));
                    Set<Integer> received = new HashSet<>();
                    Message m;
                    while ((m = consumer.receive(2_000)) != null) {
                        received.add(m.getIntProperty("n"));
                    }
                    assertThat(received).containsAll(returned);
                } finally {
                    sending.set(false);
                    stop(pgCtl, data);
                }
            }
        }
    }

    @Test
    void aNonPersistentSendThatCannotBeWrittenReturnsAndTellsTheExceptionListener() throws Exception {
        Path data = Files.createTempDirectory("depot-down");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true).start()) {
            DepotConnectionFactory factory = new DepotConnectionFactory(pg.getJdbcUrl("postgres", "postgres"));
            factory.setConnectTimeoutMillis(1_000);
            try (factory; Connection connection = factory.createConnection()) {
                List<JMSException> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
                connection.setExceptionListener(heard::add);
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue("lossy"));
                producer.setDeliveryMode(jakarta.jms.DeliveryMode.NON_PERSISTENT);
                producer.send(session.createTextMessage("written"));
                assertThat(session.createConsumer(session.createQueue("lossy")).receive(5_000)).isNotNull();

                stopImmediately(postmasterPid(data));

                producer.send(session.createTextMessage("lost"));

                long deadline = System.currentTimeMillis() + 30_000;
                while (heard.stream().noneMatch(e -> e.getMessage().contains("non-persistent message"))
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(heard).anySatisfy(e -> assertThat(e.getMessage())
                        .startsWith("A non-persistent message to queue://lossy could not be written, and is lost"));
            }
        }
    }

    private static void awaitSize(Set<Integer> set, int size) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (set.size() < size && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    private static void send(Session session, MessageProducer producer, int n, Set<Integer> returned,
                             List<JMSException> failures) throws JMSException {
        Message m = session.createMessage();
        m.setIntProperty("n", n);
        try {
            producer.send(m);
            returned.add(n);
        } catch (JMSException e) {
            failures.add(e);
        }
    }

    /**
     * Stops the postmaster with SIGQUIT (PostgreSQL's immediate shutdown: no checkpoint, crash
     * recovery on the next start), waits a moment, and starts the same server again with the
     * same binaries and options.
     *
     * @return the pg_ctl that manages the server now
     */
    private static Path restartImmediately(Path data) throws Exception {
        long pid = postmasterPid(data);
        List<String> command = List.of(new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")),
                StandardCharsets.UTF_8).split("\0"));
        Path pgCtl = Path.of(command.get(0)).resolveSibling("pg_ctl");
        String options = String.join(" ", command.subList(3, command.size()));
        stopImmediately(pid);
        Thread.sleep(1_500);
        File log = File.createTempFile("depot-restart", ".log");
        log.deleteOnExit();
        Process start = new ProcessBuilder(asUnprivileged(pgCtl.toString(), "-D", data.toString(), "-o", options,
                "-l", log.toString(), "-w", "start")).redirectErrorStream(true).start();
        String output = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (start.waitFor() != 0) {
            throw new IllegalStateException("PostgreSQL did not start again: " + output
                    + Files.readString(log.toPath()));
        }
        return pgCtl;
    }

    /** Stops the postmaster with SIGQUIT (PostgreSQL's immediate shutdown) and waits until it is gone. */
    private static void stopImmediately(long pid) throws Exception {
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).start().waitFor();
        postmaster.onExit().get();
    }

    private static long postmasterPid(Path data) throws Exception {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    /** Stops the restarted server, so the embedded wrapper finds it stopped. */
    private static void stop(Path pgCtl, Path data) throws Exception {
        new ProcessBuilder(asUnprivileged(pgCtl.toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"))
                .redirectErrorStream(true).start().waitFor();
    }

    /**
     * PostgreSQL refuses to run as root; as root (CI here), run it in a user namespace where it is
     * not, as the embedded wrapper itself does.
     */
    private static List<String> asUnprivileged(String... command) {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.add("unshare");
            full.add("-U");
        }
        full.addAll(List.of(command));
        return full;
    }
}
