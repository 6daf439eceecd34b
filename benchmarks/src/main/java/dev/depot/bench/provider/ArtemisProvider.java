package dev.depot.bench.provider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import dev.depot.bench.ChildJvm;
import dev.depot.bench.RunContext;
import dev.depot.bench.artemis.ArtemisBroker;
import dev.depot.bench.artemis.SyncProbe;
import dev.depot.bench.metrics.ProcCpu;
import dev.depot.bench.transport.JmsTransport;
import dev.depot.bench.transport.Transport;
import dev.depot.bench.transport.TransportOptions;

/** Apache ActiveMQ Artemis 2.40, its broker started in a JVM of its own for each scenario. */
public final class ArtemisProvider implements Provider {
    public enum Mode {
        DEFAULT("artemis-default"), TUNED("artemis-tuned"), JDBC("artemis-jdbc");

        final String id;

        Mode(String id) {
            this.id = id;
        }
    }

    private final Mode mode;
    private RunContext ctx;
    private Process broker;
    private PrintWriter brokerInput;
    private Path dataDir;
    private Path logFile;
    private int port;
    private String schema;
    private final Map<String, Object> facts = new LinkedHashMap<>();

    public ArtemisProvider(Mode mode) {
        this.mode = mode;
    }

    @Override
    public String id() {
        return mode.id;
    }

    @Override
    public Map<Feature, String> unsupported() {
        return Map.of();
    }

    @Override
    public boolean usesPostgres() {
        return mode == Mode.JDBC;
    }

    @Override
    public String pgSchema() {
        return schema;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void start(RunContext ctx) throws Exception {
        this.ctx = ctx;
        port = freePort();
        dataDir = ctx.workDir.resolve(mode.id + "-" + ctx.runTag + "-" + port).toAbsolutePath();
        Files.createDirectories(dataDir);
        logFile = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        List<String> args = new ArrayList<>(List.of("--mode", mode.name().toLowerCase(), "--port", Integer.toString(port),
                "--data", dataDir.toString()));
        facts.clear();
        switch (mode) {
            case TUNED -> {
                long nanos = SyncProbe.nanosPerSync(dataDir.resolve("journal"));
                facts.put("measuredSyncNanos", nanos);
                args.addAll(List.of("--buffer-timeout", Long.toString(Math.max(1, Math.min(nanos, Integer.MAX_VALUE)))));
            }
            case JDBC -> {
                schema = "bench_" + ctx.runTag + "_artemis";
                ctx.requirePg().dropSchema(schema);
                ctx.pg.createSchema(schema);
                String url = ctx.config.jdbcUrl("artemis") + "&currentSchema=" + schema;
                args.addAll(List.of("--jdbc-url", url));
            }
            default -> {
            }
        }
        List<String> jvmArgs = new ArrayList<>();
        Path nativeDir = nativeLibraryDir(ctx.workDir);
        if (nativeDir != null) {
            jvmArgs.add("-Djava.library.path=" + nativeDir);
        }
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.command("2g", jvmArgs, ArtemisBroker.class.getName(), args));
        pb.redirectErrorStream(true);
        broker = pb.start();
        brokerInput = new PrintWriter(broker.getOutputStream(), true, StandardCharsets.UTF_8);
        CompletableFuture<String> ready = new CompletableFuture<>();
        Process process = broker;
        Thread pump = new Thread(() -> pump(process, ready), "artemis-log " + mode.id);
        pump.setDaemon(true);
        pump.start();
        String line;
        try {
            line = ready.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Artemis broker (" + mode.id + ") did not start: " + e.getMessage()
                    + "; log: " + tail(logFile));
        }
        for (String kv : line.substring("READY".length()).trim().split(" ")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                facts.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
    }

    /**
     * The Artemis distribution starts its broker with java.library.path pointing at the libaio
     * wrapper it ships (bin/lib/linux-x86_64); the same library is inside the activemq-artemis-native
     * jar on our class path. Copy it out so the broker finds it as an installed one would.
     */
    private static Path nativeLibraryDir(Path workDir) throws IOException {
        String arch = System.getProperty("os.arch");
        if (!System.getProperty("os.name").toLowerCase().contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return null;
        }
        Path dir = workDir.resolve("artemis-native").toAbsolutePath();
        Path lib = dir.resolve("libartemis-native-64.so");
        if (!Files.exists(lib)) {
            try (var in = ArtemisProvider.class.getClassLoader().getResourceAsStream("lib/linux-x86_64/libartemis-native-64.so")) {
                if (in == null) {
                    return null;
                }
                Files.createDirectories(dir);
                Files.copy(in, lib);
            }
        }
        return dir;
    }

    private void pump(Process process, CompletableFuture<String> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                OutputStream log = Files.newOutputStream(logFile)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                log.flush();
                if (line.startsWith("READY")) {
                    ready.complete(line);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("broker exited with " + waitExit(process)));
    }

    private static String waitExit(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? "code " + process.exitValue() : "no exit";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public Transport transport(TransportOptions options) {
        String url = "tcp://127.0.0.1:" + port;
        if (options.asyncSends()) {
            // Artemis calls a CompletionListener on the broker's send acknowledgement, which needs a
            // confirmation window; without one it cannot tell when a message is durable.
            url += "?confirmationWindowSize=1048576";
        }
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
        return new JmsTransport(factory, false, factory::close);
    }

    @Override
    public Map<String, String> remoteSpec() {
        return Map.of("provider", id(), "url", "tcp://127.0.0.1:" + port);
    }

    @Override
    public long serverCpuNanos() {
        if (broker == null) {
            return -1;
        }
        long b = ProcCpu.processNanos(broker.pid());
        if (mode == Mode.JDBC) {
            long pg = ctx.pg == null ? -1 : ctx.pg.serverCpuNanos();
            return b < 0 || pg < 0 ? -1 : b + pg;
        }
        return b;
    }

    @Override
    public Map<String, Object> facts() {
        return facts;
    }

    @Override
    public void stop() {
        if (broker != null) {
            try {
                brokerInput.println("stop");
                brokerInput.close();
                if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                    broker.destroyForcibly();
                    broker.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                broker.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            broker = null;
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // best effort
            }
        }
        if (schema != null && ctx.pg != null) {
            try {
                ctx.pg.dropSchema(schema);
            } catch (Exception e) {
                ctx.progress.line("could not drop schema " + schema + ": " + e);
            }
        }
    }

    /** Bytes under the broker's data directory (journal, paging, large messages). */
    public long dataBytes() {
        if (dataDir == null) {
            return -1;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    public boolean fileStore() {
        return mode != Mode.JDBC;
    }
}
