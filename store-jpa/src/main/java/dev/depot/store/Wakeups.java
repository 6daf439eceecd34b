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

    /**
     * Wakes as many receivers of one queue as it has new messages, and every listener thread:
     * waking all of them for one message would only have the rest ask the database for nothing.
     */
    public void wake(long queueId, int messages) {
        Signal signal = signals.get(queueId);
        if (signal != null) {
            signal.fire(messages);
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
     * What a queue's consumers in this JVM have been told. Each wake-up adds to a counter: one unit
     * per new message, or many for "look again" (messages released, a notification without a
     * count, a reconnection). Consumers that take whatever the queue holds take units for
     * themselves as they claim, so one with nothing prefetched asks the database only while some
     * are left (or after its poll interval): one new message costs one claim, not one per consumer.
     *
     * <p>A waiter reads {@link #epoch()} before it looks at the queue and waits for a change after,
     * so a wake-up between the two is never lost.
     */
    public static final class Signal {
        /** The units of a wake-up that says only "look again". */
        private static final long LOOK_AGAIN = 1L << 32;

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        /** For waiters that must hear every wake-up: a consumer with a selector may want a message no other does. */
        private final Condition changedForAll = lock.newCondition();
        private final java.util.concurrent.CopyOnWriteArrayList<Runnable> listeners =
                new java.util.concurrent.CopyOnWriteArrayList<>();
        /** Units of wake-ups so far; it only grows, so it is also the epoch. */
        private long woken;
        /** Units consumers have dealt with, never more than {@link #woken}. */
        private long handled;

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
                return woken;
            } finally {
                lock.unlock();
            }
        }

        /** Whether a wake-up has come that no consumer has dealt with yet. */
        public boolean pending() {
            lock.lock();
            try {
                return handled < woken;
            } finally {
                lock.unlock();
            }
        }

        /**
         * A consumer is about to claim up to {@code max} messages: it takes that many unclaimed
         * wake-ups for itself, so the others do not ask the database for the same messages.
         *
         * @return the epoch the claim starts at, for {@link #endClaim}
         */
        public long beginClaim(int max) {
            lock.lock();
            try {
                handled += Math.min(woken - handled, max);
                return woken;
            } finally {
                lock.unlock();
            }
        }

        /**
         * The claim begun at {@code epoch} is done. A short one ({@code exhausted}) also deals with
         * every wake-up before it began: whatever they announced was claimed by then, by this
         * consumer or another.
         */
        public void endClaim(long epoch, boolean exhausted) {
            if (!exhausted) {
                return;
            }
            lock.lock();
            try {
                handled = Math.max(handled, epoch);
            } finally {
                lock.unlock();
            }
        }

        /** Wakes everyone waiting on this queue: there may be anything to look at. */
        public void fire() {
            wake(LOOK_AGAIN, Integer.MAX_VALUE);
        }

        /**
         * Announces {@code messages} new messages: wakes as many of the waiters, and every listener
         * and every waiter that hears all wake-ups. The others see the change when they next look.
         */
        public void fire(int messages) {
            wake(messages, messages);
        }

        private void wake(long units, int waiters) {
            lock.lock();
            try {
                woken += units;
                changedForAll.signalAll();
                if (waiters == Integer.MAX_VALUE) {
                    changed.signalAll();
                } else {
                    for (int i = 0; i < waiters; i++) {
                        changed.signal();
                    }
                }
            } finally {
                lock.unlock();
            }
            listeners.forEach(Runnable::run);
        }

        /** Waits until the epoch moves past {@code seen} or the time runs out; true if it moved. */
        public boolean awaitChange(long seen, long timeoutMillis) throws InterruptedException {
            return awaitChange(seen, timeoutMillis, false);
        }

        /**
         * As {@link #awaitChange(long, long)}; with {@code everyWakeUp} the waiter is woken by every
         * wake-up, not only by one meant for as many waiters as there are new messages.
         */
        public boolean awaitChange(long seen, long timeoutMillis, boolean everyWakeUp) throws InterruptedException {
            Condition condition = everyWakeUp ? changedForAll : changed;
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            lock.lock();
            try {
                while (woken == seen) {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = condition.awaitNanos(nanos);
                }
                return true;
            } finally {
                lock.unlock();
            }
        }
    }
}
