package dev.depot.bench.artemis;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How long one synchronous write takes in a directory: the measurement {@code artemis create} makes
 * (and {@code artemis perf-journal} shows) to choose journal-buffer-timeout, done here with our own
 * loop: a preallocated file, {@value #TRIES} tries of {@value #WRITES} writes of 4 KiB, each
 * followed by fdatasync (FileChannel.force(false)); the best try divided by the number of writes.
 */
public final class SyncProbe {
    public static final int BLOCK = 4096;
    public static final int WRITES = 250;
    public static final int TRIES = 5;

    private SyncProbe() {
    }

    /** Nanoseconds per synchronous 4 KiB write in {@code dir} (best of the tries). */
    public static long nanosPerSync(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("depot-bench-sync-probe.tmp");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer zeros = ByteBuffer.allocateDirect(BLOCK);
            for (int i = 0; i < WRITES; i++) {
                zeros.clear();
                channel.write(zeros, (long) i * BLOCK);
            }
            channel.force(true);
            ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
            while (block.hasRemaining()) {
                block.put((byte) 't');
            }
            long best = Long.MAX_VALUE;
            for (int t = 0; t < TRIES; t++) {
                long start = System.nanoTime();
                for (int i = 0; i < WRITES; i++) {
                    block.clear();
                    channel.write(block, (long) i * BLOCK);
                    channel.force(false);
                }
                best = Math.min(best, System.nanoTime() - start);
            }
            return best / WRITES;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        System.out.println("sync write every " + nanosPerSync(dir) + " ns in " + dir.toAbsolutePath());
    }
}
