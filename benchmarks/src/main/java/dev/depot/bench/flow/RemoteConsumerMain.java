package dev.depot.bench.flow;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

import dev.depot.bench.core.ErrorSink;
import dev.depot.bench.core.LatencyTrack;
import dev.depot.bench.core.Payload;
import dev.depot.bench.metrics.ProcCpu;
import dev.depot.bench.provider.Providers;
import dev.depot.bench.transport.AckMode;
import dev.depot.bench.transport.Client;
import dev.depot.bench.transport.Dest;
import dev.depot.bench.transport.Receiver;
import dev.depot.bench.transport.Transport;

/** A consumer JVM: see {@link RemoteConsumers}. Protocol: stdout READY, COUNT n, ERROR text, DONE; stdin STOP. */
public final class RemoteConsumerMain {
    private RemoteConsumerMain() {
    }

    private static final class Slot {
        Client client;
        Receiver receiver;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream records = new DataOutputStream(bytes);
        long count;
    }

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        try (var in = Files.newInputStream(Path.of(args[0]))) {
            p.load(in);
        }
        Map<String, String> providerSpec = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("provider.")) {
                providerSpec.put(key.substring("provider.".length()), p.getProperty(key));
            }
        }
        Dest dest = Dest.queue(p.getProperty("dest"));
        AckMode ack = AckMode.valueOf(p.getProperty("ack"));
        int txBatch = Integer.parseInt(p.getProperty("txBatch"));
        int consumers = Integer.parseInt(p.getProperty("consumers"));
        int pidFirst = Integer.parseInt(p.getProperty("pidFirst"));
        int pidLast = Integer.parseInt(p.getProperty("pidLast"));
        Path output = Path.of(p.getProperty("output"));

        ErrorSink errors = new ErrorSink();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong count = new AtomicLong();
        AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        AtomicLong last = new AtomicLong();
        LatencyTrack e2e = new LatencyTrack();
        Transport transport;
        List<Slot> slots = new ArrayList<>();
        try {
            transport = Providers.remote(providerSpec);
            for (int i = 0; i < consumers; i++) {
                Slot s = new Slot();
                s.client = transport.connect(null);
                s.receiver = s.client.receiver(dest, ack, null, null);
                slots.add(s);
            }
        } catch (Exception e) {
            System.out.println("ERROR " + ErrorSink.describe(e));
            System.out.flush();
            System.exit(1);
            return;
        }
        System.out.println("READY");
        System.out.flush();

        List<Thread> threads = new ArrayList<>();
        for (Slot s : slots) {
            Thread t = new Thread(() -> {
                int uncommitted = 0;
                try {
                    while (!stop.get()) {
                        byte[] body = s.receiver.receive(Flow.RECEIVE_TIMEOUT_MILLIS);
                        if (body == null) {
                            continue;
                        }
                        long now = System.nanoTime();
                        try {
                            Payload.Decoded d = Payload.decode(body);
                            s.records.writeInt(d.producer());
                            s.records.writeLong(d.seq());
                            s.records.writeBoolean(true);
                            if (d.producer() >= pidFirst && d.producer() <= pidLast) {
                                e2e.recordNanos(now - d.stampNanos());
                            }
                        } catch (Payload.CorruptBodyException e) {
                            s.records.writeInt(-1);
                            s.records.writeLong(-1);
                            s.records.writeBoolean(false);
                        }
                        s.count++;
                        first.accumulateAndGet(now, Math::min);
                        if (ack == AckMode.TRANSACTED && ++uncommitted >= txBatch) {
                            s.receiver.commit();
                            uncommitted = 0;
                            now = System.nanoTime();
                        }
                        last.accumulateAndGet(now, Math::max);
                        count.incrementAndGet();
                    }
                    if (ack == AckMode.TRANSACTED && uncommitted > 0) {
                        s.receiver.commit();
                        last.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                } catch (Exception e) {
                    errors.fail("remote consumer", e);
                }
            }, "consumer");
            t.start();
            threads.add(t);
        }
        Thread reporter = new Thread(() -> {
            while (!stop.get()) {
                System.out.println("COUNT " + count.get());
                if (errors.failed()) {
                    System.out.println("ERROR " + errors.message());
                }
                System.out.flush();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "reporter");
        reporter.setDaemon(true);
        reporter.start();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        long cpuAtMark = ProcCpu.thisProcessNanos();
        while ((line = in.readLine()) != null && !line.trim().equals("STOP")) {
            if (line.trim().equals("MARK")) {
                cpuAtMark = ProcCpu.thisProcessNanos();
            }
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join(30_000);
        }
        long cpuUsed = ProcCpu.thisProcessNanos() - cpuAtMark;
        reporter.interrupt();
        for (Slot s : slots) {
            try {
                s.receiver.close();
                s.client.close();
            } catch (Exception e) {
                errors.fail("closing a remote consumer", e);
            }
        }
        try {
            transport.close();
        } catch (Exception e) {
            errors.fail("closing the transport", e);
        }
        if (errors.failed()) {
            System.out.println("ERROR " + errors.message());
        } else {
            write(output, cpuUsed, slots, e2e.total(), first.get() == Long.MAX_VALUE ? 0 : first.get(), last.get());
        }
        System.out.println("DONE");
        System.out.flush();
        System.exit(0);
    }

    private static void write(Path output, long cpuNanos, List<Slot> slots, Histogram e2e, long first, long last) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(output)))) {
            out.writeLong(cpuNanos);
            out.writeLong(first);
            out.writeLong(last);
            ByteBuffer h = ByteBuffer.allocate(e2e.getNeededByteBufferCapacity());
            int n = e2e.encodeIntoCompressedByteBuffer(h);
            out.writeInt(n);
            out.write(h.array(), 0, n);
            long total = 0;
            for (Slot s : slots) {
                total += s.count;
            }
            out.writeLong(total);
            for (Slot s : slots) {
                s.records.flush();
                s.bytes.writeTo(out);
            }
        }
    }
}
