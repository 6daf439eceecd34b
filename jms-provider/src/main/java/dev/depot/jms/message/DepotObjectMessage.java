package dev.depot.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/**
 * Depot's {@link ObjectMessage}. The object is serialized when it is set, so the message holds a snapshot
 * and later changes to the object do not reach it; the serialized form is also what the store keeps.
 * {@link #getObject()} deserializes a new copy on every call.
 *
 * <p>Classes are resolved through the thread context class loader first (an application server's
 * deployment), then through the loader of this class, then as {@link ObjectInputStream} would. Failures
 * either way are a {@link MessageFormatException} whose cause is the I/O or class-loading exception.
 * Deserialization is subject to the JVM-wide filter ({@code jdk.serialFilter}) if one is configured.
 */
public class DepotObjectMessage extends DepotMessage implements ObjectMessage {

    /** Java serialization of the object, or null when there is none. */
    byte[] serialized;

    /** An object message without an object. */
    public DepotObjectMessage() {
    }

    /**
     * An object message holding a snapshot of {@code object}.
     *
     * @throws MessageFormatException if the object cannot be serialized
     */
    public DepotObjectMessage(Serializable object) throws JMSException {
        this.serialized = serialize(object);
    }

    @Override
    byte typeCode() {
        return MessageCodec.TYPE_OBJECT;
    }

    @Override
    public void setObject(Serializable object) throws JMSException {
        checkBodyWritable();
        serialized = serialize(object);
    }

    @Override
    public Serializable getObject() throws JMSException {
        return serialized == null ? null : (Serializable) deserialize(serialized);
    }

    @Override
    void clearBodyContent() {
        serialized = null;
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        if (serialized == null) {
            return null;
        }
        Object body = deserialize(serialized);
        if (!c.isInstance(body)) {
            throw new MessageFormatException("The body of this ObjectMessage is a " + body.getClass().getName()
                    + " and cannot be read as " + c.getName());
        }
        return c.cast(body);
    }

    @Override
    public boolean hasBody() {
        return serialized != null;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        if (serialized == null) {
            return true;
        }
        try {
            return c.isInstance(deserialize(serialized));
        } catch (MessageFormatException e) {
            return false;
        }
    }

    static DepotObjectMessage copyBodyOf(ObjectMessage foreign) throws JMSException {
        return new DepotObjectMessage(foreign.getObject());
    }

    private static byte[] serialize(Serializable object) throws MessageFormatException {
        if (object == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException | RuntimeException e) {
            throw formatException("Cannot serialize the " + object.getClass().getName() + " of an ObjectMessage", e);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] serialized) throws MessageFormatException {
        try (ObjectInputStream in = new LoaderAwareInputStream(new ByteArrayInputStream(serialized))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw formatException("Cannot deserialize the body of an ObjectMessage", e);
        }
    }

    private static MessageFormatException formatException(String message, Exception cause) {
        MessageFormatException e = new MessageFormatException(message + ": " + cause);
        e.setLinkedException(cause);
        e.initCause(cause);
        return e;
    }

    /** Resolves classes as the class javadoc describes. */
    private static final class LoaderAwareInputStream extends ObjectInputStream {

        LoaderAwareInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            String name = desc.getName();
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null) {
                try {
                    return Class.forName(name, false, context);
                } catch (ClassNotFoundException notInContext) {
                    // fall through to Depot's own loader
                }
            }
            try {
                return Class.forName(name, false, DepotObjectMessage.class.getClassLoader());
            } catch (ClassNotFoundException notInDepot) {
                // primitive type names, or a class only the caller's loader knows
                return super.resolveClass(desc);
            }
        }
    }
}
