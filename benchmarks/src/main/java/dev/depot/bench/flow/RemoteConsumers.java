package dev.depot.bench.flow;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;

import dev.depot.bench.ChildJvm;
import dev.depot.bench.core.LatencyTrack;
import dev.depot.bench.core.Verifier;

/**
 * Consumers in other JVMs ({@link RemoteConsumerMain}), one process each. They report how many
 * messages they have every 100 ms; when told to stop they write what they received (producer and
 * sequence of every message, whether its checksum held), their latency histogram and their CPU time
 * to a file, which is checked here against the same verifier as the local consumers.
 */
final class RemoteConsumers implements AutoCloseable {
    record Outcome(String error, Histogram e2e, long cpuNanos, long firstReceiveNanos, long lastReceiveNanos) {
    }

    private static final class Child {
        Process process;
        PrintWriter input;
        Path output;
        Path log;
        final AtomicLong count = new AtomicLong();
        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicReference<String> error = new AtomicReference<>();
    }

    private final List<Child> children = new ArrayList<>();

    private RemoteConsumers() {
    }

    static RemoteConsumers start(Map<String, String> providerSpec, FlowSpec spec, Path workDir, String label) throws Exception {
        RemoteConsumers rc = new RemoteConsumers();
        try {
            Files.createDirectories(workDir);
            for (int j = 0; j < spec.remoteJvms; j++) {
                Child child = new Child();
                String name = label.replaceAll("[^A-Za-z0-9_.-]", "_") + "-jvm" + (j + 1);
                Path specFile = workDir.resolve(name + ".properties").toAbsolutePath();
                child.output = workDir.resolve(name + ".out").toAbsolutePath();
                child.log = workDir.resolve(name + ".log").toAbsolutePath();
                Properties p = new Properties();
                providerSpec.forEach((k, v) -> p.setProperty("provider." + k, v));
                p.setProperty("dest", spec.dest.name());
                p.setProperty("ack", spec.ackMode.name());
                p.setProperty("txBatch", Integer.toString(spec.txBatch));
                p.setProperty("consumers", Integer.toString(spec.consumersPerRemoteJvm));
                p.setProperty("pidFirst", Integer.toString(spec.pidBase));
                p.setProperty("pidLast", Integer.toString(spec.pidBase + spec.producers - 1));
                p.setProperty("output", child.output.toString());
                try (var out = Files.newOutputStream(specFile)) {
                    p.store(out, "consumer JVM " + name);
                }
                ProcessBuilder pb = new ProcessBuilder(ChildJvm.command("768m", RemoteConsumerMain.class.getName(),
                        List.of(specFile.toString())));
                pb.redirectError(child.log.toFile());
                child.process = pb.start();
                child.input = new PrintWriter(child.process.getOutputStream(), true, StandardCharsets.UTF_8);
                Thread reader = new Thread(() -> read(child), "remote-consumer-" + name);
                reader.setDaemon(true);
                reader.start();
                rc.children.add(child);
            }
            for (Child child : rc.children) {
                if (!child.ready.await(120, TimeUnit.SECONDS) || child.error.get() != null) {
                    throw new IllegalStateException("consumer JVM did not start: " + child.error.get() + "; log: " + tail(child.log));
                }
            }
            return rc;
        } catch (Exception e) {
            rc.close();
            throw e;
        }
    }

    private static void read(Child child) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("READY")) {
                    child.ready.countDown();
                } else if (line.startsWith("COUNT ")) {
                    child.count.set(Long.parseLong(line.substring(6).trim()));
                } else if (line.startsWith("ERROR ")) {
                    child.error.compareAndSet(null, line.substring(6));
                } else if (line.startsWith("DONE")) {
                    child.done.countDown();
                }
            }
        } catch (IOException | RuntimeException e) {
            child.error.compareAndSet(null, e.toString());
        }
        child.error.compareAndSet(null, child.done.getCount() == 0 ? null : "consumer JVM exited early");
        child.ready.countDown();
        child.done.countDown();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** The measured window starts: the children count their CPU time from here. */
    void markStart(long startNanos) {
        for (Child c : children) {
            c.input.println("MARK");
        }
    }

    long received() {
        long n = 0;
        for (Child c : children) {
            n += c.count.get();
        }
        return n;
    }

    String failure() {
        for (Child c : children) {
            String e = c.error.get();
            if (e != null && c.done.getCount() > 0) {
                return e;
            }
        }
        return null;
    }

    /** Stops every consumer JVM and checks what they received against {@code verifier}. */
    Outcome stop(Verifier verifier) throws Exception {
        for (Child c : children) {
            c.input.println("STOP");
        }
        Histogram e2e = LatencyTrack.newHistogram();
        long cpu = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        String error = null;
        for (Child c : children) {
            if (!c.done.await(120, TimeUnit.SECONDS)) {
                error = "consumer JVM did not finish within 120 s of STOP";
                continue;
            }
            if (c.error.get() != null) {
                error = c.error.get() + "; log: " + tail(c.log);
                continue;
            }
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(c.output)))) {
                cpu += in.readLong();
                long f = in.readLong();
                if (f > 0) {
                    first = Math.min(first, f);
                }
                last = Math.max(last, in.readLong());
                byte[] h = new byte[in.readInt()];
                in.readFully(h);
                e2e.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(h), 0));
                long n = in.readLong();
                for (long i = 0; i < n; i++) {
                    int producer = in.readInt();
                    long seq = in.readLong();
                    boolean intact = in.readBoolean();
                    if (!intact) {
                        verifier.acceptCorrupt("in a consumer JVM (producer " + producer + ", seq " + seq + ")");
                    } else {
                        verifier.acceptDecoded(producer, seq);
                    }
                }
            }
            if (verifier.hasErrors() && error == null) {
                error = "verification failed: " + verifier.problems();
            }
        }
        return new Outcome(error, e2e, cpu, first == Long.MAX_VALUE ? 0 : first, last);
    }

    @Override
    public void close() {
        for (Child c : children) {
            try {
                c.input.close();
                if (!c.process.waitFor(10, TimeUnit.SECONDS)) {
                    c.process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                c.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
