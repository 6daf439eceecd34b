package dev.depot.bench.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks one stream of deliveries (a queue, or one subscription of a topic): every message that was
 * sent to it arrives exactly once with its body intact. Producers register how many messages they
 * send; consumers hand in what they receive.
 */
public final class Verifier {
    private final String stream;
    private final Map<Integer, Track> tracks = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong corrupt = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();
    private final List<String> firstProblems = new ArrayList<>();

    private static final class Track {
        final long expected;
        final BitSet seen;
        long distinct;

        Track(long expected) {
            if (expected > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("too many messages for one producer: " + expected);
            }
            this.expected = expected;
            this.seen = new BitSet((int) expected);
        }
    }

    public Verifier(String stream) {
        this.stream = stream;
    }

    public String stream() {
        return stream;
    }

    /** A producer will send {@code count} messages, numbered 0 to count - 1, to this stream. */
    public void expect(int producer, long count) {
        if (tracks.putIfAbsent(producer, new Track(count)) != null) {
            throw new IllegalStateException("producer " + producer + " registered twice on " + stream);
        }
    }

    public long expectedTotal() {
        return tracks.values().stream().mapToLong(t -> t.expected).sum();
    }

    /**
     * Accepts a received body. Returns the decoded header, or null when the body was not one this
     * stream expects (the problem is recorded, see {@link #problems()}).
     */
    public Payload.Decoded accept(byte[] body) {
        received.incrementAndGet();
        Payload.Decoded decoded;
        try {
            decoded = Payload.decode(body);
        } catch (Payload.CorruptBodyException e) {
            corrupt.incrementAndGet();
            note("corrupt body: " + e.getMessage());
            return null;
        }
        return mark(decoded.producer(), decoded.seq()) ? decoded : null;
    }

    /** For deliveries decoded elsewhere (a consumer in another JVM). */
    public boolean acceptDecoded(int producer, long seq) {
        received.incrementAndGet();
        return mark(producer, seq);
    }

    public void acceptCorrupt(String what) {
        received.incrementAndGet();
        corrupt.incrementAndGet();
        note("corrupt body: " + what);
    }

    private boolean mark(int producer, long seq) {
        Track track = tracks.get(producer);
        if (track == null || seq < 0 || seq >= track.expected) {
            unexpected.incrementAndGet();
            note("unexpected message: producer " + producer + " seq " + seq);
            return false;
        }
        synchronized (track) {
            if (track.seen.get((int) seq)) {
                duplicates.incrementAndGet();
                note("duplicate: producer " + producer + " seq " + seq);
                return false;
            }
            track.seen.set((int) seq);
            track.distinct++;
        }
        return true;
    }

    private void note(String problem) {
        synchronized (firstProblems) {
            if (firstProblems.size() < 5) {
                firstProblems.add(stream + ": " + problem);
            }
        }
    }

    public long received() {
        return received.get();
    }

    public long distinct() {
        long n = 0;
        for (Track t : tracks.values()) {
            synchronized (t) {
                n += t.distinct;
            }
        }
        return n;
    }

    /** True when something was received twice, damaged or not expected. */
    public boolean hasErrors() {
        return duplicates.get() + corrupt.get() + unexpected.get() > 0;
    }

    public boolean complete() {
        for (Track t : tracks.values()) {
            synchronized (t) {
                if (t.distinct != t.expected) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Everything wrong with this stream so far; empty when every message arrived exactly once. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (duplicates.get() > 0) {
            problems.add(stream + ": " + duplicates.get() + " duplicate deliveries");
        }
        if (corrupt.get() > 0) {
            problems.add(stream + ": " + corrupt.get() + " damaged bodies");
        }
        if (unexpected.get() > 0) {
            problems.add(stream + ": " + unexpected.get() + " unexpected messages");
        }
        Map<Integer, Long> missing = new TreeMap<>();
        for (Map.Entry<Integer, Track> e : tracks.entrySet()) {
            Track t = e.getValue();
            synchronized (t) {
                if (t.distinct != t.expected) {
                    missing.put(e.getKey(), t.expected - t.distinct);
                }
            }
        }
        if (!missing.isEmpty()) {
            long total = missing.values().stream().mapToLong(Long::longValue).sum();
            problems.add(stream + ": " + total + " messages never received (per producer: " + missing + ")");
        }
        synchronized (firstProblems) {
            if (!problems.isEmpty() && !firstProblems.isEmpty()) {
                problems.add("first problems seen: " + firstProblems);
            }
        }
        return problems;
    }
}
