package dev.depot.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where waiting consumers of this JVM sleep until their queue may have something for them.
 * A wake-up comes from a {@code NOTIFY} of another JVM, from a local commit, or from a
 * reconnection after which every waiter looks again (notifications may have been missed).
 * Waiters never rely on a wake-up alone: they wait at most the poll interval.
 */
public final class Wakeups {

    private final ConcurrentHashMap<Long, Signal> signals = new ConcurrentHashMap<>();

    /** Wakes the waiters of one queue. */
    public void wake(long queueId) {
        Signal signal = signals.get(queueId);
        if (signal != null) {
            signal.fire();
        }
    }

    /** Wakes every waiter, for example after the listener reconnected. */
    public void wakeAll() {
        signals.values().forEach(Signal::fire);
    }

    /** The signal of one queue; a consumer keeps it for as long as it consumes. */
    public Signal signal(long queueId) {
        return signals.computeIfAbsent(queueId, id -> new Signal());
    }

    /**
     * A counter that moves on every wake-up. A waiter reads {@link #epoch()} before it looks at
     * the queue and waits for a change after, so a wake-up between the two is never lost.
     */
    public static final class Signal {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final java.util.concurrent.CopyOnWriteArrayList<Runnable> listeners =
                new java.util.concurrent.CopyOnWriteArrayList<>();
        private long epoch;

        /** Also calls {@code listener} on every wake-up: for a thread that waits on several queues at once. */
        public void addListener(Runnable listener) {
            listeners.add(listener);
        }

        public void removeListener(Runnable listener) {
            listeners.remove(listener);
        }

        public long epoch() {
            lock.lock();
            try {
                return epoch;
            } finally {
                lock.unlock();
            }
        }

        /** Wakes everyone waiting on this queue. */
        public void fire() {
            lock.lock();
            try {
                epoch++;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            listeners.forEach(Runnable::run);
        }

        /** Waits until the epoch moves past {@code seen} or the time runs out; true if it moved. */
        public boolean awaitChange(long seen, long timeoutMillis) throws InterruptedException {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            lock.lock();
            try {
                while (epoch == seen) {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = changed.awaitNanos(nanos);
                }
                return true;
            } finally {
                lock.unlock();
            }
        }
    }
}
