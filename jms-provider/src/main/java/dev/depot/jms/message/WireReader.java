package dev.depot.jms.message;

import jakarta.jms.MessageFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what {@link WireWriter} wrote, checking every length against what is left so that a truncated
 * or corrupt blob ends in a {@link MessageFormatException} rather than an index error or a huge allocation.
 */
final class WireReader {

    private final byte[] buf;
    private final String what;
    private int pos;

    WireReader(byte[] buf, int from, String what) {
        this.buf = buf;
        this.pos = from;
        this.what = what;
    }

    MessageFormatException corrupt(String problem) {
        return new MessageFormatException("Corrupt Depot message " + what + " at byte " + pos + ": " + problem);
    }

    private void need(int n) throws MessageFormatException {
        if (n > buf.length - pos) {
            throw corrupt(n + " more bytes needed, " + (buf.length - pos) + " left");
        }
    }

    boolean atEnd() {
        return pos == buf.length;
    }

    void expectEnd() throws MessageFormatException {
        if (pos != buf.length) {
            throw corrupt((buf.length - pos) + " unexpected trailing bytes");
        }
    }

    int u8() throws MessageFormatException {
        need(1);
        return buf[pos++] & 0xFF;
    }

    int fixed16() throws MessageFormatException {
        need(2);
        int v = (buf[pos] & 0xFF) << 8 | buf[pos + 1] & 0xFF;
        pos += 2;
        return v;
    }

    int fixed32() throws MessageFormatException {
        need(4);
        int v = (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8 | buf[pos + 3] & 0xFF;
        pos += 4;
        return v;
    }

    long fixed64() throws MessageFormatException {
        return (long) fixed32() << 32 | fixed32() & 0xFFFFFFFFL;
    }

    int varint() throws MessageFormatException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = u8();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw corrupt("varint longer than 5 bytes");
    }

    long varlong() throws MessageFormatException {
        long v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw corrupt("varint longer than 10 bytes");
    }

    int zigzagInt() throws MessageFormatException {
        int v = varint();
        return v >>> 1 ^ -(v & 1);
    }

    long zigzagLong() throws MessageFormatException {
        long v = varlong();
        return v >>> 1 ^ -(v & 1);
    }

    /** A count or length: must be non-negative and, since every element takes a byte, at most what is left. */
    int length() throws MessageFormatException {
        int n = varint();
        if (n < 0 || n > buf.length - pos) {
            throw corrupt("length " + Integer.toUnsignedString(n) + " exceeds the " + (buf.length - pos) + " bytes left");
        }
        return n;
    }

    byte[] bytes(int n) throws MessageFormatException {
        need(n);
        byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }

    String string() throws MessageFormatException {
        int n = varint();
        if (n == 0) {
            return null;
        }
        int len = n - 1;
        if (len < 0) {
            throw corrupt("string length out of range");
        }
        need(len);
        String s = new String(buf, pos, len, StandardCharsets.UTF_8);
        pos += len;
        return s;
    }
}
