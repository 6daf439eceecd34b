package dev.depot.bench.metrics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of processes, read from /proc (Linux). Clock ticks are 1/100 s (the kernel's USER_HZ),
 * so a reading is good to 10 ms per process.
 */
public final class ProcCpu {
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcCpu() {
    }

    /** CPU time of this JVM, from the JVM itself (ns resolution). */
    public static long thisProcessNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    private static long[] stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): field k is f[k - 3]
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static long parentOf(long pid) {
        long[] s = stat(pid);
        return s == null ? -1 : s[0];
    }

    /** utime + stime of one process, and of its children that it has waited for; -1 when unknown. */
    public static long processNanos(long pid) {
        long[] s = stat(pid);
        return s == null ? -1 : (s[1] + s[2] + s[3] + s[4]) * NANOS_PER_TICK;
    }

    /**
     * A whole process tree one level deep: the parent (with the CPU of its children that already
     * exited, which the kernel adds to it when they are reaped) plus its live children. For
     * PostgreSQL, the postmaster: every backend, exited or alive, the checkpointer, the WAL writer.
     */
    public static long treeNanos(long parentPid) {
        long total = processNanos(parentPid);
        if (total < 0) {
            return -1;
        }
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path p : procs) {
                long pid = Long.parseLong(p.getFileName().toString());
                long[] s = stat(pid);
                if (s != null && s[0] == parentPid) {
                    total += (s[1] + s[2] + s[3] + s[4]) * NANOS_PER_TICK;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    /** Processes whose command name is {@code comm} (e.g. "beam.smp" for RabbitMQ). */
    public static long byCommandNanos(String comm) {
        long total = 0;
        boolean found = false;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path p : procs) {
                try {
                    String c = Files.readString(p.resolve("comm")).trim();
                    if (c.equals(comm)) {
                        long n = processNanos(Long.parseLong(p.getFileName().toString()));
                        if (n >= 0) {
                            total += n;
                            found = true;
                        }
                    }
                } catch (IOException ignored) {
                    // process went away
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return found ? total : -1;
    }
}
