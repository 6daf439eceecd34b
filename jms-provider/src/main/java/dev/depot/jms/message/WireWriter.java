package dev.depot.jms.message;

import java.util.Arrays;

/**
 * The primitives of {@link MessageCodec}'s format, written into one array. Callers size it exactly with
 * the static {@code *Size} methods, so {@link #toByteArray()} normally hands over the array without a copy;
 * the writer still grows if a size was underestimated, so a sizing slip costs a copy, never corruption.
 */
final class WireWriter {

    private byte[] buf;
    private int pos;

    WireWriter(int capacity) {
        buf = new byte[Math.max(capacity, 1)];
    }

    private void ensure(int n) {
        if (n > buf.length - pos) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    void u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    void fixed16(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    void fixed32(int v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    void fixed64(long v) {
        fixed32((int) (v >>> 32));
        fixed32((int) v);
    }

    /** Unsigned LEB128: seven bits a byte, low bits first, high bit set on all but the last byte. */
    void varint(int v) {
        ensure(5);
        while ((v & ~0x7F) != 0) {
            buf[pos++] = (byte) (v & 0x7F | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    void varlong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) (v & 0x7F | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    /** Zigzag keeps small negative numbers short: 0, -1, 1, -2 become 0, 1, 2, 3. */
    void zigzagInt(int v) {
        varint(v << 1 ^ v >> 31);
    }

    void zigzagLong(long v) {
        varlong(v << 1 ^ v >> 63);
    }

    void bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    /** A nullable string: varint 0 for null, else varint (UTF-8 length + 1) and the UTF-8 bytes. */
    void string(String s) {
        if (s == null) {
            u8(0);
            return;
        }
        int len = utf8Length(s);
        varint(len + 1);
        ensure(len);
        pos = encodeUtf8(s, buf, pos);
    }

    byte[] toByteArray() {
        return pos == buf.length ? buf : Arrays.copyOf(buf, pos);
    }

    // ---------------------------------------------------------------- sizes

    static int varintSize(int v) {
        return v == 0 ? 1 : (38 - Integer.numberOfLeadingZeros(v)) / 7;
    }

    static int varlongSize(long v) {
        return v == 0 ? 1 : (70 - Long.numberOfLeadingZeros(v)) / 7;
    }

    static int zigzagIntSize(int v) {
        return varintSize(v << 1 ^ v >> 31);
    }

    static int zigzagLongSize(long v) {
        return varlongSize(v << 1 ^ v >> 63);
    }

    static int stringSize(String s) {
        if (s == null) {
            return 1;
        }
        int len = utf8Length(s);
        return varintSize(len + 1) + len;
    }

    // ---------------------------------------------------------------- UTF-8

    /**
     * The length of {@code s} in standard UTF-8. An unpaired surrogate counts as one byte because it is
     * written as {@code '?'}, as {@link String#getBytes(java.nio.charset.Charset)} does.
     */
    static int utf8Length(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) < 0x80) {
            i++;
        }
        int bytes = i;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Writes {@code s} as UTF-8 at {@code at}; returns the position after it. */
    private static int encodeUtf8(String s, byte[] out, int at) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[at++] = (byte) (0xF0 | cp >> 18);
                out[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                out[at++] = (byte) '?';
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return at;
    }
}
