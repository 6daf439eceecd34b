package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForeignMessageTest extends JmsTestSupport {

    /** An application type, to show an ObjectMessage body is more than JDK classes. */
    record Invoice(String number, long cents) implements Serializable {
    }

    /**
     * A TextMessage of "another provider": a bare implementation of the interface, holding its
     * headers and properties in maps, as a foreign provider's message object would.
     */
    private static TextMessage foreignText(String text, Map<String, Object> properties) {
        Map<String, Object> headers = new HashMap<>();
        return (TextMessage) Proxy.newProxyInstance(ForeignMessageTest.class.getClassLoader(),
                new Class<?>[] {TextMessage.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    switch (name) {
                        case "getText":
                            return text;
                        case "getPropertyNames":
                            return Collections.enumeration(properties.keySet());
                        case "getObjectProperty":
                            return properties.get(args[0]);
                        case "propertyExists":
                            return properties.containsKey(args[0]);
                        case "getBody":
                            return text;
                        case "isBodyAssignableTo":
                            return ((Class<?>) args[0]).isAssignableFrom(String.class);
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "foreign message";
                        default:
                            break;
                    }
                    if (name.startsWith("setJMS")) {
                        headers.put(name.substring(3), args[0]);
                        return null;
                    }
                    if (name.startsWith("getJMS")) {
                        Object value = headers.get(name.substring(3));
                        Class<?> type = method.getReturnType();
                        if (value == null && type == long.class) {
                            return 0L;
                        }
                        if (value == null && type == int.class) {
                            return 0;
                        }
                        if (value == null && type == boolean.class) {
                            return false;
                        }
                        return value;
                    }
                    return null;
                });
    }

    @Test
    void aMessageOfAnotherProviderIsSentThroughDepotAndStamped() throws Exception {
        Session session = session();
        Queue queue = session.createQueue("foreign");
        Map<String, Object> properties = new HashMap<>();
        properties.put("origin", "elsewhere");
        properties.put("attempt", 3);
        TextMessage foreign = foreignText("hello from elsewhere", properties);

        session.createProducer(queue).send(foreign);

        assertThat(foreign.getJMSMessageID()).as("the provider stamps the foreign object").startsWith("ID:");
        assertThat(foreign.getJMSDestination()).isEqualTo(queue);
        Message received = session.createConsumer(queue).receive(5_000);
        assertThat(received).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) received).getText()).isEqualTo("hello from elsewhere");
        assertThat(received.getStringProperty("origin")).isEqualTo("elsewhere");
        assertThat(received.getIntProperty("attempt")).isEqualTo(3);
        assertThat(received.getJMSMessageID()).isEqualTo(foreign.getJMSMessageID());
    }

    @Test
    void objectMessagesCarryApplicationTypes() throws Exception {
        Session session = session();
        Queue queue = session.createQueue("objects");
        session.createProducer(queue).send(session.createObjectMessage(new Invoice("INV-7", 12_345)));

        ObjectMessage received = (ObjectMessage) session.createConsumer(queue).receive(5_000);
        assertThat(received.getObject()).isEqualTo(new Invoice("INV-7", 12_345));
        assertThat(received.getBody(Invoice.class).cents()).isEqualTo(12_345);
    }
}
