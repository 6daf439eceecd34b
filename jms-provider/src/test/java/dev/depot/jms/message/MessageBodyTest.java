package dev.depot.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** getBody, isBodyAssignableTo, clearBody and the read-only body rules, type by type. */
class MessageBodyTest {

    private static final List<Class<?>> ANY_TYPES =
            List.of(String.class, byte[].class, Map.class, Integer.class, Serializable.class, Object.class, int.class);

    private static void assertNoBody(Message m) throws JMSException {
        for (Class<?> c : ANY_TYPES) {
            assertThat(m.isBodyAssignableTo(c)).as("isBodyAssignableTo(%s)", c).isTrue();
            Object body = m.getBody(c);
            assertThat(body).as("getBody(%s)", c).isNull();
        }
    }

    @Test
    void plainMessageHasNoBody() throws JMSException {
        DepotMessage m = new DepotMessage();
        assertNoBody(m);
        m.clearBody();
        assertNoBody(m);
    }

    // ---------------------------------------------------------------- text

    @Test
    void textBodyIsAssignableToStringAndItsSupertypesOnly() throws JMSException {
        DepotTextMessage m = new DepotTextMessage("hello");
        assertThat(m.getBody(String.class)).isEqualTo("hello");
        assertThat(m.getBody(CharSequence.class)).isEqualTo("hello");
        assertThat(m.getBody(Object.class)).isEqualTo("hello");
        Object asComparable = m.getBody(Comparable.class);
        assertThat(asComparable).isEqualTo("hello");
        assertThat(m.isBodyAssignableTo(String.class)).isTrue();
        assertThat(m.isBodyAssignableTo(Serializable.class)).isTrue();
        assertThat(m.isBodyAssignableTo(Integer.class)).isFalse();
        assertThat(m.isBodyAssignableTo(byte[].class)).isFalse();
        assertThatThrownBy(() -> m.getBody(Integer.class)).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.getBody(StringBuilder.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void nullTextIsNoBodyButEmptyTextIsABody() throws JMSException {
        DepotTextMessage m = new DepotTextMessage();
        assertNoBody(m);
        m.setText("");
        assertThat(m.getBody(String.class)).isEmpty();
        assertThat(m.isBodyAssignableTo(Integer.class)).isFalse();
    }

    @Test
    void receivedTextIsReadOnlyUntilClearBody() throws JMSException {
        DepotTextMessage m = new DepotTextMessage("v");
        m.markReceived(false, 1);
        assertThatThrownBy(() -> m.setText("w")).isInstanceOf(MessageNotWriteableException.class);
        assertThat(m.getText()).isEqualTo("v");
        m.clearBody();
        assertThat(m.getText()).isNull();
        m.setText("w");
        assertThat(m.getText()).isEqualTo("w");
    }

    // ---------------------------------------------------------------- bytes

    @Test
    void bytesBodyIsTheWholeBodyWhateverTheReadPosition() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        m.writeBytes(new byte[] {1, 2, 3, 4});
        m.reset();
        m.readShort();
        byte[] body = m.getBody(byte[].class);
        assertThat(body).containsExactly(1, 2, 3, 4);
        assertThat((byte[]) m.getBody(Object.class)).containsExactly(1, 2, 3, 4);
        // the message is reset afterwards
        assertThat(m.readByte()).isEqualTo((byte) 1);
        body[1] = 9;
        assertThat(m.getBody(byte[].class)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void bytesGetBodyOnAWriteOnlyMessageResetsIt() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        m.writeInt(7);
        assertThat(m.getBody(byte[].class)).containsExactly(0, 0, 0, 7);
        assertThat(m.readInt()).isEqualTo(7);
    }

    @Test
    void bytesBodyIsOnlyAssignableToByteArrayOrSupertypes() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        m.writeByte((byte) 1);
        assertThat(m.isBodyAssignableTo(byte[].class)).isTrue();
        assertThat(m.isBodyAssignableTo(Object.class)).isTrue();
        assertThat(m.isBodyAssignableTo(String.class)).isFalse();
        assertThat(m.isBodyAssignableTo(Byte[].class)).isFalse();
        assertThatThrownBy(() -> m.getBody(String.class)).isInstanceOf(MessageFormatException.class);
        // a refused getBody does not switch the message to read mode
        m.writeByte((byte) 2);
    }

    @Test
    void emptyBytesMessageHasNoBody() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        assertNoBody(m);
        m.writeByte((byte) 1);
        m.clearBody();
        assertNoBody(m);
    }

    // ---------------------------------------------------------------- map

    @Test
    void mapBodyIsACopyAssignableOnlyToMapOrObject() throws JMSException {
        DepotMapMessage m = new DepotMapMessage();
        m.setInt("i", 1);
        m.setBytes("b", new byte[] {5});
        m.setString("n", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = m.getBody(Map.class);
        assertThat(body).containsOnlyKeys("i", "b", "n").containsEntry("i", 1).containsEntry("n", null);
        assertThat((byte[]) body.get("b")).containsExactly(5);

        body.put("i", 2);
        ((byte[]) body.get("b"))[0] = 9;
        assertThat(m.getInt("i")).isEqualTo(1);
        assertThat(m.getBytes("b")).containsExactly(5);
        assertThat(m.getBody(Object.class)).isInstanceOf(Map.class);

        assertThat(m.isBodyAssignableTo(Map.class)).isTrue();
        assertThat(m.isBodyAssignableTo(Object.class)).isTrue();
        assertThat(m.isBodyAssignableTo(HashMap.class)).isFalse();
        assertThat(m.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(HashMap.class)).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void emptyMapMessageHasNoBody() throws JMSException {
        assertNoBody(new DepotMapMessage());
    }

    // ---------------------------------------------------------------- stream

    @Test
    void streamMessageNeverHasAnAssignableBody() throws JMSException {
        DepotStreamMessage m = new DepotStreamMessage();
        for (Class<?> c : ANY_TYPES) {
            assertThat(m.isBodyAssignableTo(c)).isFalse();
            assertThatThrownBy(() -> m.getBody(c)).isInstanceOf(MessageFormatException.class);
        }
        m.writeInt(1);
        assertThat(m.isBodyAssignableTo(Object.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
    }

    // ---------------------------------------------------------------- object

    @Test
    void objectBodyIsAssignableToWhatTheObjectIs() throws JMSException {
        ArrayList<String> list = new ArrayList<>(List.of("a"));
        DepotObjectMessage m = new DepotObjectMessage(list);
        assertThat(m.getBody(Serializable.class)).isEqualTo(list);
        Object asArrayList = m.getBody(ArrayList.class);
        Object asList = m.getBody(List.class);
        assertThat(asArrayList).isEqualTo(list);
        assertThat(asList).isEqualTo(list);
        assertThat(m.getBody(Object.class)).isEqualTo(list).isNotSameAs(list);
        assertThat(m.isBodyAssignableTo(List.class)).isTrue();
        assertThat(m.isBodyAssignableTo(Map.class)).isFalse();
        assertThat(m.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void objectMessageWithoutObjectHasNoBody() throws JMSException {
        assertNoBody(new DepotObjectMessage());
    }

    // ---------------------------------------------------------------- clearBody

    @Test
    void clearBodyKeepsHeadersAndProperties() throws JMSException {
        DepotTextMessage m = new DepotTextMessage("t");
        m.setJMSType("type");
        m.setIntProperty("p", 1);
        m.markReceived(false, 1);
        m.clearBody();
        assertThat(m.getJMSType()).isEqualTo("type");
        assertThat(m.getIntProperty("p")).isEqualTo(1);
        assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        // properties stay read-only: clearBody only affects the body
        assertThatThrownBy(() -> m.setIntProperty("q", 2)).isInstanceOf(MessageNotWriteableException.class);
    }
}
