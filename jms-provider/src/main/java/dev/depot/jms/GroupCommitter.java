package dev.depot.jms;

import dev.depot.store.Deliveries;
import dev.depot.store.DeliveryKey;
import dev.depot.store.OutgoingMessage;
import dev.depot.store.Release;
import jakarta.jms.JMSException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes the sends, acknowledgements and releases of non-transacted sessions, many sessions' at a time, in
 * one database transaction: group commit. A disk that syncs a few thousand times a second would
 * otherwise cap every producer at that many messages; here, whatever arrives while one commit is
 * syncing goes into the next. Sends and acknowledgements are one statement on an autocommit
 * connection, so a group costs one round trip (releases, rarer, add a statement and a commit).
 * Each caller's {@code send()} still returns only after the commit that holds its message.
 */
final class GroupCommitter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GroupCommitter.class.getName());

    /** Limits of one commit, so one transaction never grows without bound. */
    private static final int MAX_MESSAGES = 1_000;
    private static final long MAX_BYTES = 32L * 1024 * 1024;
    /** Bytes of messages sent in the background that may wait for their commit at once. */
    private static final int MAX_BACKGROUND_BYTES = 16 * 1024 * 1024;
    /** How long a group waits at most for the callers of the last one to come back. */
    private static final long GATHER_NANOS = 200_000;

    /**
     * What is left of {@link #MAX_BACKGROUND_BYTES}: producers faster than the database wait here
     * instead of filling the heap.
     */
    private final java.util.concurrent.Semaphore backgroundBytes = new java.util.concurrent.Semaphore(MAX_BACKGROUND_BYTES);

    private final Engine engine;
    private final LinkedBlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    /** Sends taken from the queue that did not fit in their group, oldest first; the writer thread's own. */
    private final java.util.ArrayDeque<SendOp> deferred = new java.util.ArrayDeque<>();
    private final Thread thread;
    private volatile boolean closed;
    private final List<Release> failedReleases = new ArrayList<>();
    /** Acknowledgements of non-persistent messages whose group commit failed, written again later. Guarded by failedReleases. */
    private final List<DeliveryKey> failedAcknowledgements = new ArrayList<>();
    private long nextRetry;
    /** Operations in the last group, whose callers are about to come back; the writer thread's own. */
    private int lastGroup;

    private abstract static sealed class Op permits SendOp, AckOp, ReleaseOp {
        final CompletableFuture<Void> done = new CompletableFuture<>();
    }

    private static final class SendOp extends Op {
        final List<OutgoingMessage> messages;
        final long bytes;
        /** Non-persistent messages nobody waits for: their commit need not wait for the disk. */
        final boolean background;

        SendOp(List<OutgoingMessage> messages, boolean background) {
            this.messages = messages;
            this.background = background;
            long size = 0;
            for (OutgoingMessage m : messages) {
                size += m.headers().length + (m.body() == null ? 0 : m.body().length);
            }
            this.bytes = size;
        }
    }

    private static final class AckOp extends Op {
        final List<DeliveryKey> keys;
        /** Written until it succeeds, never given back: nobody waits for it. */
        final boolean eventual;

        AckOp(List<DeliveryKey> keys, boolean eventual) {
            this.keys = keys;
            this.eventual = eventual;
        }
    }

    private static final class ReleaseOp extends Op {
        final List<Release> releases;

        ReleaseOp(List<Release> releases) {
            this.releases = releases;
        }
    }

    GroupCommitter(Engine engine) {
        this.engine = engine;
        this.thread = new Thread(this::run, "depot-writer-" + engine.settings.schema);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Writes messages and returns once they are committed. */
    void send(List<OutgoingMessage> messages) throws JMSException {
        await(submit(new SendOp(messages, false)), "send");
    }

    /** Writes messages; the future completes when they are committed. */
    CompletableFuture<Void> sendAsync(List<OutgoingMessage> messages) throws JMSException {
        return submit(new SendOp(messages, false));
    }

    /**
     * Writes messages that nobody waits for; the future completes when they are committed. Returns
     * at once unless too much is still waiting to be written, then as soon as there is room.
     */
    CompletableFuture<Void> sendInBackground(List<OutgoingMessage> messages) throws JMSException {
        SendOp op = new SendOp(messages, messages.stream().noneMatch(OutgoingMessage::persistent));
        int permits = (int) Math.min(op.bytes, MAX_BACKGROUND_BYTES);
        try {
            backgroundBytes.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JMSException("Interrupted while waiting for earlier sends to be written; this message was not sent");
        }
        op.done.whenComplete((ok, failure) -> backgroundBytes.release(permits));
        try {
            return submit(op);
        } catch (JMSException e) {
            backgroundBytes.release(permits);
            throw e;
        }
    }

    /** Acknowledges deliveries and returns once that is committed. */
    void acknowledge(List<DeliveryKey> keys) throws JMSException {
        await(submit(new AckOp(keys, false)), "acknowledge");
    }

    /** Acknowledges deliveries without waiting, for modes that allow duplicates. */
    CompletableFuture<Void> acknowledgeAsync(List<DeliveryKey> keys) throws JMSException {
        return submit(new AckOp(keys, false));
    }

    /**
     * Acknowledges deliveries of non-persistent messages without waiting, and keeps writing the
     * acknowledgement until the database takes it: such a message is delivered at most once, so it
     * is never given back. (Should this JVM die first, or be taken for dead, whoever frees its
     * claims drops these deliveries.)
     */
    void acknowledgeEventually(List<DeliveryKey> keys) throws JMSException {
        submit(new AckOp(keys, true));
    }

    /**
     * Gives claimed deliveries back and returns once that is committed. When that fails (the
     * database is away) the releases are kept and retried until they succeed, since a claim this
     * live node never gives back would hold its message forever.
     */
    void release(List<Release> releases) throws JMSException {
        if (releases.isEmpty()) {
            return;
        }
        ReleaseOp op = new ReleaseOp(releases);
        try {
            await(submit(op), "release");
        } catch (JMSException e) {
            retryLater(releases);
            throw e;
        }
    }

    /** Gives deliveries back in the background, retrying until the database takes it. */
    void releaseLater(List<Release> releases) {
        retryLater(releases);
    }

    private void retryLater(List<Release> releases) {
        synchronized (failedReleases) {
            failedReleases.addAll(releases);
        }
    }

    private CompletableFuture<Void> submit(Op op) throws JMSException {
        if (closed) {
            throw new jakarta.jms.IllegalStateException("The connection factory has been closed");
        }
        queue.add(op);
        if (closed && !thread.isAlive() && queue.remove(op)) {
            op.done.completeExceptionally(new jakarta.jms.IllegalStateException("The connection factory was closed"));
        }
        return op.done;
    }

    private static void await(CompletableFuture<Void> done, String what) throws JMSException {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JmsExceptions.link(new JMSException("Interrupted while waiting for the " + what
                    + " to commit; it may or may not have been written"), e);
        } catch (ExecutionException e) {
            throw JmsExceptions.from(e.getCause(), what);
        }
    }

    private void run() {
        List<Op> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty() || !deferred.isEmpty()) {
            try {
                retryFailures();
                Op first = deferred.isEmpty() ? queue.poll(100, TimeUnit.MILLISECONDS) : null;
                if (first == null && deferred.isEmpty()) {
                    continue;
                }
                fill(batch, first);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        Op left;
        while ((left = deferred.poll()) != null || (left = queue.poll()) != null) {
            left.done.completeExceptionally(new jakarta.jms.IllegalStateException("The connection factory was closed"));
        }
    }

    /** Writes again, once a second, the releases and eventual acknowledgements that failed. */
    private void retryFailures() {
        List<Release> releases;
        List<DeliveryKey> acknowledgements;
        synchronized (failedReleases) {
            if (failedReleases.isEmpty() && failedAcknowledgements.isEmpty() || System.currentTimeMillis() < nextRetry) {
                return;
            }
            releases = new ArrayList<>(failedReleases);
            failedReleases.clear();
            acknowledgements = new ArrayList<>(failedAcknowledgements);
            failedAcknowledgements.clear();
        }
        nextRetry = System.currentTimeMillis() + 1_000;
        List<Op> retry = new ArrayList<>();
        ReleaseOp release = new ReleaseOp(releases);
        if (!releases.isEmpty()) {
            retry.add(release);
        }
        if (!acknowledgements.isEmpty()) {
            retry.add(new AckOp(acknowledgements, true));
        }
        commit(retry);
        if (release.done.isCompletedExceptionally()) {
            retryLater(releases);
        }
    }

    /**
     * Takes the next group: sends held over from the last one first, then everything queued when
     * the group starts or handed in while it {@linkplain #gather gathers}; what arrives later waits
     * for the next group, so a group ends. Sends stop at the group's limits and wait, in their
     * order, for the next group; acknowledgements and releases never wait behind them, or the rows
     * of consumed messages would pile up at the head of their queues for every claim to walk past.
     */
    private void fill(List<Op> batch, Op first) throws InterruptedException {
        int messages = 0;
        long bytes = 0;
        while (!deferred.isEmpty() && fits(deferred.peek(), messages, bytes)) {
            SendOp s = deferred.poll();
            messages += s.messages.size();
            bytes += s.bytes;
            batch.add(s);
        }
        List<Op> arrived = new ArrayList<>();
        if (first != null) {
            arrived.add(first);
        }
        queue.drainTo(arrived);
        gather(arrived);
        for (Op next : arrived) {
            if (next instanceof SendOp s) {
                if (deferred.isEmpty() && fits(s, messages, bytes)) {
                    messages += s.messages.size();
                    bytes += s.bytes;
                    batch.add(s);
                } else {
                    deferred.add(s);
                }
            } else {
                batch.add(next);
            }
        }
        lastGroup = batch.size();
    }

    /**
     * Waits a moment for the callers of the last group to come back: each of them was woken by
     * that commit and is about to hand in its next send or acknowledgement, and one commit for
     * all of them costs less than one for the first and another for the rest.
     */
    private void gather(List<Op> arrived) throws InterruptedException {
        if (!deferred.isEmpty() || arrived.size() >= lastGroup) {
            return;
        }
        long until = System.nanoTime() + GATHER_NANOS;
        long left;
        while (arrived.size() < lastGroup && (left = until - System.nanoTime()) > 0) {
            Op more = queue.poll(left, TimeUnit.NANOSECONDS);
            if (more == null) {
                return;
            }
            arrived.add(more);
            queue.drainTo(arrived);
        }
    }

    /** Whether a send joins a group that holds this much already; the first always does. */
    private static boolean fits(SendOp s, int messages, long bytes) {
        return messages == 0 || messages + s.messages.size() <= MAX_MESSAGES && bytes + s.bytes <= MAX_BYTES;
    }

    private void commit(List<Op> batch) {
        List<OutgoingMessage> messages = new ArrayList<>();
        List<AckOp> acks = new ArrayList<>();
        List<Release> releases = new ArrayList<>();
        for (Op op : batch) {
            if (op instanceof SendOp s) {
                messages.addAll(s.messages);
            } else if (op instanceof AckOp a) {
                acks.add(a);
            } else if (op instanceof ReleaseOp r) {
                releases.addAll(r.releases);
            }
        }
        List<DeliveryKey> keys = new ArrayList<>();
        acks.forEach(ack -> keys.addAll(ack.keys));
        Deliveries.Written written;
        try (Connection connection = engine.borrow()) {
            // Without releases the group is one statement on the autocommit connection: one round trip.
            boolean alone = releases.isEmpty();
            connection.setAutoCommit(alone);
            try {
                written = engine.store.deliveries().write(connection, messages, keys, Deliveries.Notify.OTHER_NODES,
                        !alone || batch.stream().anyMatch(GroupCommitter::mustBeDurable));
                if (!alone) {
                    engine.store.deliveries().release(connection, releases, System.currentTimeMillis());
                    connection.commit();
                }
            } catch (SQLException | RuntimeException e) {
                if (!alone) {
                    rollbackQuietly(connection);
                }
                throw e;
            }
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "A group commit of {0} operation(s) failed: {1}", batch.size(), e.getMessage());
            for (Op op : batch) {
                if (op instanceof AckOp ack && ack.eventual) {
                    synchronized (failedReleases) {
                        failedAcknowledgements.addAll(ack.keys);
                    }
                    op.done.complete(null);
                } else {
                    op.done.completeExceptionally(e);
                }
            }
            return;
        }
        // One statement acknowledged every session's messages; one whose messages are not all
        // acknowledged (this JVM was taken for dead meanwhile) fails its own caller. (An eventual
        // acknowledgement has no caller to fail: its deliveries were dropped with the claims.)
        List<Op> lost = new ArrayList<>();
        for (AckOp ack : acks) {
            if (!ack.eventual && !written.acknowledged().containsAll(ack.keys)) {
                lost.add(ack);
            }
        }
        // This JVM's consumers are woken here, one per new message (the notification is for other
        // JVMs), and before the senders return, so a receiveNoWait() after send() finds the message.
        written.deliveries().forEach(engine.store.wakeups()::wake);
        releases.stream().map(r -> r.key().queueId()).distinct().forEach(engine.store.wakeups()::wake);
        for (Op op : batch) {
            if (lost.contains(op)) {
                op.done.completeExceptionally(new JMSException("The acknowledgement was lost: this JVM was taken "
                        + "for dead meanwhile and its messages were released; they will be delivered again"));
            } else {
                op.done.complete(null);
            }
        }
    }

    /**
     * Whether an operation's commit must reach the disk before it completes: all but non-persistent
     * messages sent in the background and acknowledgements written eventually, which a database
     * crash may undo (the messages are lost; the acknowledged deliveries stay claimed by this node,
     * never delivered again, and are dropped when it stops).
     */
    private static boolean mustBeDurable(Op op) {
        return !(op instanceof SendOp s && s.background) && !(op instanceof AckOp a && a.eventual);
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "Rollback after a failed group commit failed too: {0}", e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
