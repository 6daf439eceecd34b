package dev.depot.bench.core;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * The body of every benchmark message: who sent it, its sequence number, the time it stands for,
 * its own length, filler, and a CRC32C of everything before the checksum.
 *
 * <pre>
 * offset  0  int   magic
 *         4  int   producer id (unique within a run)
 *         8  long  sequence number (0, 1, 2 ... per producer)
 *        16  long  stamp: System.nanoTime() of the intended send time (fixed rate) or of the send() call
 *        24  int   total length of the body
 *        28  ...   filler (pseudo-random per producer, shifted per message)
 *   len - 4  int   CRC32C of bytes [0, len - 4)
 * </pre>
 *
 * On Linux System.nanoTime() reads CLOCK_MONOTONIC, which is one clock for every process on the
 * machine, so a stamp written in one JVM can be compared with a reading in another.
 */
public final class Payload {
    public static final int MAGIC = 0x44504254; // "DPBT"
    public static final int HEADER = 28;
    public static final int MIN_SIZE = HEADER + 4;

    private Payload() {
    }

    public record Decoded(int producer, long seq, long stampNanos) {
    }

    /** Filler for one producer: incompressible, different for each producer. */
    public static byte[] filler(int producer) {
        byte[] fill = new byte[64 * 1024 + 7];
        new SplittableRandom(0x5EED_0000L + producer).nextBytes(fill);
        return fill;
    }

    public static byte[] encode(int producer, long seq, long stampNanos, int size, byte[] filler) {
        if (size < MIN_SIZE) {
            throw new IllegalArgumentException("a body needs at least " + MIN_SIZE + " bytes, not " + size);
        }
        byte[] body = new byte[size];
        ByteBuffer buffer = ByteBuffer.wrap(body);
        buffer.putInt(MAGIC).putInt(producer).putLong(seq).putLong(stampNanos).putInt(size);
        int remaining = size - HEADER - 4;
        int at = HEADER;
        int from = (int) Math.floorMod(seq * 7919L, (long) filler.length);
        while (remaining > 0) {
            int n = Math.min(remaining, filler.length - from);
            System.arraycopy(filler, from, body, at, n);
            at += n;
            remaining -= n;
            from = 0;
        }
        CRC32C crc = new CRC32C();
        crc.update(body, 0, size - 4);
        buffer.putInt(size - 4, (int) crc.getValue());
        return body;
    }

    /** Decodes and checks a body; throws {@link CorruptBodyException} when it is not intact. */
    public static Decoded decode(byte[] body) throws CorruptBodyException {
        if (body == null || body.length < MIN_SIZE) {
            throw new CorruptBodyException("body of " + (body == null ? "null" : body.length + " bytes") + " is too short");
        }
        ByteBuffer buffer = ByteBuffer.wrap(body);
        if (buffer.getInt(0) != MAGIC) {
            throw new CorruptBodyException("body does not start with the benchmark's magic number");
        }
        int producer = buffer.getInt(4);
        long seq = buffer.getLong(8);
        long stamp = buffer.getLong(16);
        int size = buffer.getInt(24);
        if (size != body.length) {
            throw new CorruptBodyException("producer " + producer + " seq " + seq + ": body has " + body.length
                    + " bytes, its header says " + size);
        }
        CRC32C crc = new CRC32C();
        crc.update(body, 0, size - 4);
        if ((int) crc.getValue() != buffer.getInt(size - 4)) {
            throw new CorruptBodyException("producer " + producer + " seq " + seq + ": checksum mismatch");
        }
        return new Decoded(producer, seq, stamp);
    }

    public static final class CorruptBodyException extends Exception {
        public CorruptBodyException(String message) {
            super(message);
        }
    }
}
