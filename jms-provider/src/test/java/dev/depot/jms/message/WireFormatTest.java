package dev.depot.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.MessageFormatException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The codec sizes its buffers from WireWriter's size functions; a wrong size would silently cost a copy,
 * so they are checked against what the writer actually produces.
 */
class WireFormatTest {

    private static final int[] INTS = {0, 1, -1, 63, -64, 64, 127, 128, 16383, 16384, 2_097_151, 2_097_152,
            268_435_455, 268_435_456, Integer.MAX_VALUE, Integer.MIN_VALUE};
    private static final long[] LONGS = {0, 1, -1, 127, 128, Integer.MAX_VALUE, 1L << 35, 1L << 49, 1L << 56,
            1L << 62, Long.MAX_VALUE, Long.MIN_VALUE, 1_700_000_000_000L};

    @Test
    void varintSizesMatchTheWriterAndValuesRoundTrip() throws MessageFormatException {
        for (int v : INTS) {
            WireWriter w = new WireWriter(1);
            w.varint(v);
            w.zigzagInt(v);
            byte[] out = w.toByteArray();
            assertThat(out).as("%d", v).hasSize(WireWriter.varintSize(v) + WireWriter.zigzagIntSize(v));
            WireReader r = new WireReader(out, 0, "test");
            assertThat(r.varint()).isEqualTo(v);
            assertThat(r.zigzagInt()).isEqualTo(v);
            r.expectEnd();
        }
        for (long v : LONGS) {
            WireWriter w = new WireWriter(1);
            w.varlong(v);
            w.zigzagLong(v);
            byte[] out = w.toByteArray();
            assertThat(out).as("%d", v).hasSize(WireWriter.varlongSize(v) + WireWriter.zigzagLongSize(v));
            WireReader r = new WireReader(out, 0, "test");
            assertThat(r.varlong()).isEqualTo(v);
            assertThat(r.zigzagLong()).isEqualTo(v);
            r.expectEnd();
        }
    }

    @Test
    void smallNumbersAreShort() {
        assertThat(WireWriter.zigzagIntSize(-1)).isEqualTo(1);
        assertThat(WireWriter.zigzagLongSize(0)).isEqualTo(1);
        assertThat(WireWriter.zigzagLongSize(1_700_000_000_000L)).isEqualTo(6);
        assertThat(WireWriter.varintSize(-1)).isEqualTo(5);
        assertThat(WireWriter.varlongSize(-1)).isEqualTo(10);
    }

    @Test
    void stringsAreStandardUtf8WithTheirExactSize() throws MessageFormatException {
        List<String> samples = List.of("", "ascii", "\u0000", "\u007f\u0080\u07ff\u0800\uffff",
                "\uD83D\uDE00\uDBFF\uDFFF", "\uD800", "\uDC00x", "x\uD83D", "\u00e9".repeat(40_000));
        for (String s : samples) {
            WireWriter w = new WireWriter(1);
            w.string(s);
            byte[] out = w.toByteArray();
            assertThat(out).hasSize(WireWriter.stringSize(s));
            byte[] jdk = s.getBytes(StandardCharsets.UTF_8);
            assertThat(WireWriter.utf8Length(s)).isEqualTo(jdk.length);
            assertThat(java.util.Arrays.copyOfRange(out, out.length - jdk.length, out.length)).isEqualTo(jdk);
            assertThat(new WireReader(out, 0, "test").string()).isEqualTo(new String(jdk, StandardCharsets.UTF_8));
        }
        WireWriter w = new WireWriter(1);
        w.string(null);
        assertThat(w.toByteArray()).containsExactly(0);
        assertThat(new WireReader(new byte[] {0}, 0, "test").string()).isNull();
    }

    @Test
    void readerRejectsOverlongVarintsAndLengthsBeyondTheEnd() {
        byte[] sixBytes = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0};
        assertThatThrownBy(() -> new WireReader(sixBytes, 0, "test").varint()).isInstanceOf(MessageFormatException.class);
        byte[] hugeLength = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 1, 2};
        assertThatThrownBy(() -> new WireReader(hugeLength, 0, "test").length()).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> new WireReader(hugeLength, 0, "test").string()).isInstanceOf(MessageFormatException.class);
        byte[] stringTooLong = {10, 'a'};
        assertThatThrownBy(() -> new WireReader(stringTooLong, 0, "test").string())
                .isInstanceOf(MessageFormatException.class);
    }
}
