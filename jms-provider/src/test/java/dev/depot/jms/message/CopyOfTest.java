package dev.depot.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.depot.jms.DepotQueue;
import dev.depot.jms.DepotTopic;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** copyOf with messages of "another provider": proxies that expose only the Jakarta interface. */
class CopyOfTest {

    private static <T> T foreign(Class<T> type, Object delegate) {
        return type.cast(Proxy.newProxyInstance(CopyOfTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    private static Topic foreignTopic(String name) {
        return foreign(Topic.class, new DepotTopic(name));
    }

    private static void fillHeaders(DepotMessage m) throws JMSException {
        m.setJMSMessageID("ID:other-1");
        m.setJMSTimestamp(123L);
        m.setJMSCorrelationID("corr");
        m.setJMSReplyTo(foreignTopic("replies"));
        m.setJMSDestination(foreignTopic("dest"));
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSType("type");
        m.setJMSExpiration(456L);
        m.setJMSDeliveryTime(789L);
        m.setJMSPriority(7);
        m.setStringProperty("s", "v");
        m.setDoubleProperty("d", 1.5);
        m.setStringProperty("JMSXGroupID", "g");
    }

    @Test
    void textMessageWithHeadersAndProperties() throws JMSException {
        DepotTextMessage source = new DepotTextMessage("hello");
        fillHeaders(source);
        TextMessage foreign = foreign(TextMessage.class, source);

        DepotMessage copy = DepotMessage.copyOf(foreign);
        assertThat(copy).isExactlyInstanceOf(DepotTextMessage.class);
        assertThat(((DepotTextMessage) copy).getText()).isEqualTo("hello");
        assertThat(copy.getJMSMessageID()).isEqualTo("ID:other-1");
        assertThat(copy.getJMSTimestamp()).isEqualTo(123L);
        assertThat(copy.getJMSCorrelationID()).isEqualTo("corr");
        assertThat(copy.getJMSReplyTo()).isEqualTo(new DepotTopic("replies"));
        assertThat(copy.getJMSDestination()).isEqualTo(new DepotTopic("dest"));
        assertThat(copy.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(copy.getJMSType()).isEqualTo("type");
        assertThat(copy.getJMSExpiration()).isEqualTo(456L);
        assertThat(copy.getJMSDeliveryTime()).isEqualTo(789L);
        assertThat(copy.getJMSPriority()).isEqualTo(7);
        assertThat(Collections.list(copy.getPropertyNames())).containsExactlyInAnyOrder("s", "d", "JMSXGroupID");
        assertThat(copy.getObjectProperty("d")).isEqualTo(1.5);

        // the copy can be encoded, which a foreign destination in it would have prevented
        MessageCodecTest.assertSameHeadersAndProperties(
                MessageCodec.decode(MessageCodec.encodeHeaders(copy), MessageCodec.encodeBody(copy)), copy);
    }

    @Test
    void deliveryCountOfAReceivedForeignMessageIsNotCopiedAndTheCopyIsWritable() throws JMSException {
        DepotMessage source = new DepotMessage();
        source.setIntProperty("app", 1);
        source.markReceived(true, 5);
        DepotMessage copy = DepotMessage.copyOf(foreign(Message.class, source));
        assertThat(copy).isExactlyInstanceOf(DepotMessage.class);
        assertThat(copy.propertyExists("JMSXDeliveryCount")).isFalse();
        assertThat(copy.getIntProperty("app")).isEqualTo(1);
        copy.setIntProperty("more", 2);
        assertThat(copy.getIntProperty("more")).isEqualTo(2);
    }

    @Test
    void bytesBodyIsCopiedWholeAndTheForeignMessageIsLeftReset() throws JMSException {
        DepotBytesMessage source = new DepotBytesMessage();
        byte[] content = new byte[200_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        source.writeBytes(content);
        BytesMessage foreign = foreign(BytesMessage.class, source);

        DepotBytesMessage copy = (DepotBytesMessage) DepotMessage.copyOf(foreign);
        assertThat(copy.getBody(byte[].class)).isEqualTo(content);
        assertThat(foreign.readByte()).isEqualTo(content[0]);

        foreign.readInt(); // a partly read foreign message is still copied whole
        assertThat(((DepotBytesMessage) DepotMessage.copyOf(foreign)).getBody(byte[].class)).isEqualTo(content);

        copy.clearBody();
        copy.writeByte((byte) 1); // the copy is independent and writable
        assertThat(foreign.getBodyLength()).isEqualTo(content.length);
    }

    @Test
    void mapBodyIsCopied() throws JMSException {
        DepotMapMessage source = new DepotMapMessage();
        source.setInt("i", 1);
        source.setChar("c", 'z');
        source.setBytes("b", new byte[] {1, 2});
        source.setString("n", null);
        DepotMapMessage copy = (DepotMapMessage) DepotMessage.copyOf(foreign(MapMessage.class, source));
        assertThat(Collections.list(copy.getMapNames())).containsExactlyInAnyOrder("i", "c", "b", "n");
        assertThat(copy.getInt("i")).isEqualTo(1);
        assertThat(copy.getChar("c")).isEqualTo('z');
        assertThat(copy.getBytes("b")).containsExactly(1, 2);
        assertThat(copy.itemExists("n")).isTrue();
    }

    @Test
    void streamBodyIsCopiedInOrderAndTheForeignMessageIsLeftReset() throws JMSException {
        DepotStreamMessage source = new DepotStreamMessage();
        source.writeInt(1);
        source.writeBytes(new byte[] {4, 5});
        source.writeString(null);
        source.writeChar('q');
        StreamMessage foreign = foreign(StreamMessage.class, source);
        DepotStreamMessage copy = (DepotStreamMessage) DepotMessage.copyOf(foreign);
        copy.reset();
        assertThat(copy.readInt()).isEqualTo(1);
        assertThat((byte[]) copy.readObject()).containsExactly(4, 5);
        assertThat(copy.readString()).isNull();
        assertThat(copy.readChar()).isEqualTo('q');
        assertThatThrownBy(copy::readObject).isInstanceOf(MessageEOFException.class);
        assertThat(foreign.readInt()).isEqualTo(1);
    }

    @Test
    void objectBodyIsCopied() throws JMSException {
        DepotObjectMessage source = new DepotObjectMessage(new java.util.ArrayList<>(List.of("a", "b")));
        DepotObjectMessage copy = (DepotObjectMessage) DepotMessage.copyOf(foreign(ObjectMessage.class, source));
        assertThat(copy.getObject()).isEqualTo(List.of("a", "b"));
    }

    @Test
    void destinationThatIsNeitherQueueNorTopicIsDropped() throws JMSException {
        DepotMessage source = new DepotMessage();
        Destination odd = (Destination) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Destination.class}, (proxy, method, args) -> null);
        source.setJMSReplyTo(odd);
        source.setJMSDestination(foreign(jakarta.jms.Queue.class, new DepotQueue("q")));
        DepotMessage copy = DepotMessage.copyOf(foreign(Message.class, source));
        assertThat(copy.getJMSReplyTo()).isNull();
        assertThat(copy.getJMSDestination()).isEqualTo(new DepotQueue("q"));
    }

    @Test
    void propertyOfADisallowedTypeIsRejected() {
        DepotMessage source = new DepotMessage();
        source.putProperty("bad", new StringBuilder("x"));
        assertThatThrownBy(() -> DepotMessage.copyOf(foreign(Message.class, source)))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("bad");
    }

    @Test
    void depotMessageIsReturnedAsItIs() throws JMSException {
        DepotTextMessage own = new DepotTextMessage("x");
        assertThat(DepotMessage.copyOf(own)).isSameAs(own);
    }
}
