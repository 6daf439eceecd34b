package dev.depot.bench.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

import dev.depot.bench.Progress;
import dev.depot.bench.core.ErrorSink;
import dev.depot.bench.core.LatencyTrack;
import dev.depot.bench.core.Payload;
import dev.depot.bench.core.Verifier;
import dev.depot.bench.transport.AckMode;
import dev.depot.bench.transport.Client;
import dev.depot.bench.transport.Completion;
import dev.depot.bench.transport.Receiver;
import dev.depot.bench.transport.SendMode;
import dev.depot.bench.transport.Sender;
import dev.depot.bench.transport.Transport;

/**
 * Runs a {@link FlowSpec}: {@link #setup()} makes every connection, producer and consumer (not
 * measured), {@link #run()} starts the consumers, then the producers, and waits until every stream
 * has its messages; {@link #close()} closes everything.
 *
 * <p>End-to-end latency is the receive time minus the stamp in the body: the intended send time when
 * a rate is offered (so a producer that falls behind its schedule shows as latency: free of
 * coordinated omission), else the time send() was called.
 */
public final class Flow implements AutoCloseable {
    public static final long RECEIVE_TIMEOUT_MILLIS = 500;

    /** Called every {@link FlowSpec#sampleEveryMillis} while the flow runs. */
    public interface Sampler {
        void sample(long elapsedMillis, long received, Histogram intervalE2e);
    }

    private final FlowSpec spec;
    private final Transport transport;
    private final Verifier[] streams;
    private final Progress progress;
    private final String label;
    private final Map<String, String> remoteSpec;
    private final Path workDir;
    private Sampler sampler;

    private final List<Client> clients = new ArrayList<>();
    private final List<Sender> senders = new ArrayList<>();
    private final List<Receiver> receivers = new ArrayList<>();
    private final List<Integer> receiverStream = new ArrayList<>();
    private RemoteConsumers remote;

    private final ErrorSink errors = new ErrorSink();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong[] received;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong firstReceive = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastReceive = new AtomicLong();
    private final AtomicLong lastSend = new AtomicLong();
    private final LatencyTrack e2e = new LatencyTrack();
    private final LatencyTrack sendLatency = new LatencyTrack();
    private volatile long startNanos;

    /**
     * @param streams one verifier per stream (one for a queue, one per subscription for a topic);
     *        the flow registers its producers in each
     * @param remoteSpec the provider's {@code remoteSpec()}, needed only with remote consumers
     */
    public Flow(String label, FlowSpec spec, Transport transport, Verifier[] streams, Progress progress,
            Map<String, String> remoteSpec, Path workDir) {
        if (streams.length != spec.streams()) {
            throw new IllegalArgumentException("a flow on " + spec.dest + " needs " + spec.streams() + " verifiers");
        }
        this.label = label;
        this.spec = spec;
        this.transport = transport;
        this.streams = streams;
        this.progress = progress;
        this.remoteSpec = remoteSpec;
        this.workDir = workDir;
        this.received = new AtomicLong[streams.length];
        for (int i = 0; i < streams.length; i++) {
            received[i] = new AtomicLong();
        }
    }

    public Flow sampler(Sampler sampler) {
        this.sampler = sampler;
        return this;
    }

    public static String subscriptionName(int i) {
        return "sub-" + i;
    }

    public static String clientId(String destName, int i) {
        return destName + "-client-" + i;
    }

    public void setup() throws Exception {
        transport.prepare(spec.dest, spec.sendMode);
        for (int p = 0; p < spec.producers; p++) {
            for (Verifier v : streams) {
                v.expect(spec.pidBase + p, spec.share(p));
            }
        }
        if (spec.dest.topic()) {
            for (int s = 0; s < spec.subscribers; s++) {
                Client c = transport.connect(clientId(spec.dest.name(), s));
                clients.add(c);
                receivers.add(c.receiver(spec.dest, spec.ackMode, null, subscriptionName(s)));
                receiverStream.add(s);
            }
        } else {
            for (int i = 0; i < spec.consumers; i++) {
                Client c = transport.connect(null);
                clients.add(c);
                receivers.add(c.receiver(spec.dest, spec.ackMode, null, null));
                receiverStream.add(0);
            }
            if (spec.remoteJvms > 0) {
                remote = RemoteConsumers.start(remoteSpec, spec, workDir, label);
            }
        }
        for (int p = 0; p < spec.producers; p++) {
            Client c = transport.connect(null);
            clients.add(c);
            senders.add(c.sender(spec.dest, spec.sendMode));
        }
    }

    private long totalReceived(int stream) {
        long n = received[stream].get();
        if (remote != null) {
            n += remote.received();
        }
        return n;
    }

    private boolean allReceived() {
        for (int s = 0; s < streams.length; s++) {
            if (totalReceived(s) < spec.receiveTargetPerStream()) {
                return false;
            }
        }
        return true;
    }

    public FlowResult run() throws Exception {
        List<Thread> consumerThreads = new ArrayList<>();
        for (int i = 0; i < receivers.size(); i++) {
            int index = i;
            Thread t = new Thread(() -> consume(index), label + "-consumer-" + i);
            t.setDaemon(true);
            consumerThreads.add(t);
        }
        List<Thread> producerThreads = new ArrayList<>();
        for (int p = 0; p < senders.size(); p++) {
            int index = p;
            Thread t = new Thread(() -> produce(index), label + "-producer-" + p);
            t.setDaemon(true);
            producerThreads.add(t);
        }
        long receiveTarget = spec.receiveTargetPerStream() * streams.length;
        progress.status(() -> String.format("%s: sent %d/%d, received %d/%d%s", label, sent.get(), spec.messages,
                receivedNow(), receiveTarget, rateNow()));
        startNanos = System.nanoTime();
        if (remote != null) {
            remote.markStart(startNanos);
        }
        consumerThreads.forEach(Thread::start);
        producerThreads.forEach(Thread::start);
        long deadline = startNanos + spec.timeout.toNanos();
        long nextSample = spec.sampleEveryMillis > 0 ? startNanos + TimeUnit.MILLISECONDS.toNanos(spec.sampleEveryMillis) : Long.MAX_VALUE;
        try {
            while (true) {
                Thread.sleep(20);
                if (remote != null && remote.failure() != null) {
                    errors.fail("consumer JVM: " + remote.failure());
                }
                if (errors.failed()) {
                    break;
                }
                boolean producersDone = producerThreads.stream().noneMatch(Thread::isAlive);
                if (producersDone && allReceived()) {
                    break;
                }
                long now = System.nanoTime();
                if (now >= nextSample && sampler != null) {
                    nextSample += TimeUnit.MILLISECONDS.toNanos(spec.sampleEveryMillis);
                    sampler.sample(TimeUnit.NANOSECONDS.toMillis(now - startNanos), receivedNow(), e2e.interval());
                }
                if (now > deadline) {
                    errors.fail(String.format("timed out after %d s: sent %d of %d, received %d of %d",
                            spec.timeout.toSeconds(), sent.get(), spec.messages, receivedNow(), receiveTarget));
                    break;
                }
            }
        } finally {
            stop.set(true);
            for (Thread t : consumerThreads) {
                t.join(30_000);
            }
            for (Thread t : producerThreads) {
                t.join(errors.failed() ? 5_000 : 60_000);
            }
            progress.clear();
        }
        FlowResult result = new FlowResult();
        if (remote != null) {
            RemoteConsumers.Outcome outcome = remote.stop(streams[0]);
            if (outcome.error() != null) {
                errors.fail("consumer JVM: " + outcome.error());
            }
            e2e.add(outcome.e2e());
            result.remoteCpuNanos = outcome.cpuNanos();
            if (outcome.firstReceiveNanos() > 0) {
                firstReceive.accumulateAndGet(outcome.firstReceiveNanos(), Math::min);
            }
            lastReceive.accumulateAndGet(outcome.lastReceiveNanos(), Math::max);
        }
        if (errors.failed()) {
            throw new FlowException(errors.message(), errors.cause());
        }
        result.sent = sent.get();
        result.received = receivedNow();
        result.startNanos = startNanos;
        result.firstReceiveNanos = firstReceive.get() == Long.MAX_VALUE ? 0 : firstReceive.get();
        result.endReceiveNanos = lastReceive.get() == 0 ? System.nanoTime() : lastReceive.get();
        result.endSendNanos = lastSend.get() == 0 ? startNanos : lastSend.get();
        result.e2e = e2e.total();
        result.send = sendLatency.total();
        return result;
    }

    private long receivedNow() {
        long n = 0;
        for (int s = 0; s < streams.length; s++) {
            n += totalReceived(s);
        }
        return n;
    }

    private long lastRateCount;
    private long lastRateNanos;

    private synchronized String rateNow() {
        long now = System.nanoTime();
        long n = receivedNow();
        String text = "";
        if (lastRateNanos != 0 && now > lastRateNanos) {
            text = String.format(", %.0f msg/s", (n - lastRateCount) * 1e9 / (now - lastRateNanos));
        }
        lastRateCount = n;
        lastRateNanos = now;
        return text;
    }

    private void consume(int index) {
        Receiver receiver = receivers.get(index);
        int stream = receiverStream.get(index);
        Verifier verifier = streams[stream];
        boolean transacted = spec.ackMode == AckMode.TRANSACTED;
        long target = spec.receiveTargetPerStream();
        int ownFirst = spec.pidBase;
        int ownLast = spec.pidBase + spec.producers - 1;
        int uncommitted = 0;
        try {
            while (!stop.get() && !errors.failed()) {
                if (spec.dest.topic() && received[stream].get() >= target) {
                    break;
                }
                if (spec.consumersTrailProducers && received[stream].get() >= sent.get()) {
                    LockSupport.parkNanos(100_000);
                    continue;
                }
                byte[] body = receiver.receive(RECEIVE_TIMEOUT_MILLIS);
                if (body == null) {
                    continue;
                }
                long now = System.nanoTime();
                Payload.Decoded d = verifier.accept(body);
                if (d == null) {
                    errors.fail("verification failed: " + verifier.problems());
                    break;
                }
                if (d.producer() >= ownFirst && d.producer() <= ownLast) {
                    e2e.recordNanos(now - d.stampNanos());
                }
                firstReceive.accumulateAndGet(now, Math::min);
                if (transacted && ++uncommitted >= spec.txBatch) {
                    receiver.commit();
                    uncommitted = 0;
                    now = System.nanoTime();
                }
                lastReceive.accumulateAndGet(now, Math::max);
                received[stream].incrementAndGet();
            }
            if (transacted && uncommitted > 0 && !errors.failed()) {
                receiver.commit();
                lastReceive.accumulateAndGet(System.nanoTime(), Math::max);
            }
        } catch (Exception | Error e) {
            errors.fail("consumer " + index, e);
        }
    }

    private void produce(int index) {
        Sender sender = senders.get(index);
        int pid = spec.pidBase + index;
        long n = spec.share(index);
        byte[] filler = Payload.filler(pid);
        long interval = spec.rate > 0 ? (long) (1e9 * spec.producers / spec.rate) : 0;
        long offset = spec.rate > 0 ? (long) (1e9 * index / spec.rate) : 0;
        Semaphore window = new Semaphore(spec.asyncWindow);
        try {
            long commitStart = System.nanoTime();
            for (long i = 0; i < n && !errors.failed(); i++) {
                long stamp;
                if (spec.rate > 0) {
                    long intended = startNanos + offset + i * interval;
                    for (long left; (left = intended - System.nanoTime()) > 0;) {
                        LockSupport.parkNanos(left);
                    }
                    stamp = intended;
                } else {
                    stamp = System.nanoTime();
                }
                byte[] body = Payload.encode(pid, i, stamp, spec.bodySize, filler);
                long before = System.nanoTime();
                switch (spec.sendMode) {
                    case ASYNC -> {
                        if (!window.tryAcquire(120, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("no asynchronous send completed within 120 s");
                        }
                        sender.sendAsync(body, spec.kind, new Completion() {
                            @Override
                            public void completed() {
                                long now = System.nanoTime();
                                sendLatency.recordNanos(now - before);
                                lastSend.accumulateAndGet(now, Math::max);
                                sent.incrementAndGet();
                                window.release();
                            }

                            @Override
                            public void failed(Exception e) {
                                errors.fail("asynchronous send of producer " + pid, e);
                                window.release();
                            }
                        });
                    }
                    case TRANSACTED -> {
                        sender.send(body, spec.kind);
                        if ((i + 1) % spec.txBatch == 0) {
                            sender.commit();
                            long now = System.nanoTime();
                            sendLatency.recordNanos(now - commitStart);
                            commitStart = now;
                            lastSend.accumulateAndGet(now, Math::max);
                            sent.addAndGet(spec.txBatch);
                        }
                    }
                    default -> {
                        sender.send(body, spec.kind);
                        long now = System.nanoTime();
                        sendLatency.recordNanos(now - before);
                        lastSend.accumulateAndGet(now, Math::max);
                        sent.incrementAndGet();
                    }
                }
            }
            if (spec.sendMode == SendMode.TRANSACTED && n % spec.txBatch != 0 && !errors.failed()) {
                sender.commit();
                long now = System.nanoTime();
                sendLatency.recordNanos(now - commitStart);
                lastSend.accumulateAndGet(now, Math::max);
                sent.addAndGet(n % spec.txBatch);
            }
            if (spec.sendMode == SendMode.ASYNC && !errors.failed()
                    && !window.tryAcquire(spec.asyncWindow, 120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("asynchronous sends did not complete within 120 s");
            }
        } catch (Exception | Error e) {
            errors.fail("producer " + pid, e);
        }
    }

    private boolean closed;

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Sender s : senders) {
            quietly(s);
        }
        for (Receiver r : receivers) {
            quietly(r);
        }
        for (Client c : clients) {
            quietly(c);
        }
        if (remote != null) {
            remote.close();
        }
    }

    static void quietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    /** A flow that did not complete correctly. */
    public static final class FlowException extends Exception {
        public FlowException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
