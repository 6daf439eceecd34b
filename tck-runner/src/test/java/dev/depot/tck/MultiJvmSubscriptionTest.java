package dev.depot.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.jms.DepotConnectionFactory;
import dev.depot.store.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Depot's own conformance tests for what the TCK cannot see: subscriptions across JVMs, and a
 * durable subscription through the crash of its subscriber's JVM.
 */
class MultiJvmSubscriptionTest {

    private final List<Process> processes = new ArrayList<>();
    private String schema;
    private DepotConnectionFactory factory;
    private Connection connection;

    @BeforeEach
    void open() throws Exception {
        schema = TestDatabase.newSchema();
        factory = new DepotConnectionFactory(TestDatabase.url());
        factory.setSchema(schema);
        factory.setHeartbeatMillis(200);
        factory.setNodeTimeoutMillis(1_500);
        connection = factory.createConnection();
    }

    @AfterEach
    void close() throws Exception {
        processes.forEach(Process::destroyForcibly);
        connection.close();
        factory.close();
        TestDatabase.dropSchema(schema);
    }

    private final class Child {
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);

        Child(String... args) throws Exception {
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            List<String> command = new ArrayList<>(List.of(java, "-cp", classpath,
                    "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
                    TopicProcess.class.getName(), TestDatabase.url(), schema));
            command.addAll(List.of(args));
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            processes.add(process);
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                        switch (line) {
                            case "READY" -> ready.countDown();
                            case "HOLDING" -> holding.countDown();
                            case "DONE" -> done.countDown();
                            default -> { }
                        }
                    }
                } catch (java.io.IOException e) {
                    lines.add("ERROR " + e);
                } finally {
                    ready.countDown();
                    holding.countDown();
                    done.countDown();
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        List<Integer> numbers(String prefix) {
            List<Integer> numbers = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith(prefix + " ")) {
                    numbers.add(Integer.parseInt(line.substring(prefix.length() + 1)));
                }
            }
            return numbers;
        }
    }

    private void publish(Topic topic, int count) throws Exception {
        try (Session tx = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer producer = tx.createProducer(topic);
            for (int i = 0; i < count; i++) {
                Message m = tx.createMessage();
                m.setIntProperty("n", i);
                producer.send(m);
                if (i % 200 == 199) {
                    tx.commit();
                }
            }
            tx.commit();
        }
    }

    @Test
    void durableSubscriptionMessagesSurviveTheKillOfTheSubscribersJvm() throws Exception {
        Topic topic = connection.createSession().createTopic("ledger");
        Child subscriber = new Child("ledger", "durable", "ledger-client", "books", "3");
        assertThat(subscriber.ready.await(60, TimeUnit.SECONDS)).isTrue();
        publish(topic, 5);
        assertThat(subscriber.holding.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.numbers("HELD")).containsExactly(0, 1, 2);

        subscriber.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        publish(topic, 0);

        try (Connection again = factory.createConnection()) {
            // The dead JVM's client ID is freed with its node; until then it is still in use.
            long deadline = System.currentTimeMillis() + 15_000;
            while (true) {
                try {
                    again.setClientID("ledger-client");
                    break;
                } catch (jakarta.jms.InvalidClientIDException e) {
                    if (System.currentTimeMillis() > deadline) {
                        throw e;
                    }
                    Thread.sleep(200);
                }
            }
            again.start();
            Session session = again.createSession();
            MessageConsumer resumed = null;
            while (resumed == null) {
                try {
                    resumed = session.createDurableConsumer(topic, "books");
                } catch (jakarta.jms.IllegalStateException stillAttached) {
                    if (System.currentTimeMillis() > deadline) {
                        throw stillAttached;
                    }
                    Thread.sleep(200);
                }
            }
            List<Integer> received = new ArrayList<>();
            Message m;
            while ((m = resumed.receive(5_000)) != null) {
                int n = m.getIntProperty("n");
                received.add(n);
                if (n <= 2) {
                    assertThat(m.getJMSRedelivered()).as("held by the killed JVM").isTrue();
                }
                if (received.size() == 5) {
                    break;
                }
            }
            assertThat(received).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        }
    }

    @Test
    void aSharedSubscriptionOverTwoJvmsDeliversEachMessageToExactlyOneOfThem() throws Exception {
        Topic topic = connection.createSession().createTopic("work");
        Child first = new Child("work", "shared", "-", "workers", "2000");
        Child second = new Child("work", "shared", "-", "workers", "2000");
        assertThat(first.ready.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.ready.await(60, TimeUnit.SECONDS)).isTrue();

        publish(topic, 2_000);

        assertThat(first.done.await(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.done.await(120, TimeUnit.SECONDS)).isTrue();
        List<Integer> all = new ArrayList<>(first.numbers("GOT"));
        all.addAll(second.numbers("GOT"));
        assertThat(all).hasSize(2_000).doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).allMatch(n -> n >= 0 && n < 2_000);
        assertThat(first.numbers("GOT")).as("both JVMs took part").isNotEmpty();
        assertThat(second.numbers("GOT")).as("both JVMs took part").isNotEmpty();
    }
}
