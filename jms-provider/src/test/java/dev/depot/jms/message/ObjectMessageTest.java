package dev.depot.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.io.StreamCorruptedException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectMessageTest {

    /** Loaded on its own by {@link ChildFirstLoader} to tell which loader deserialization used. */
    public static final class Payload implements Serializable {
        private static final long serialVersionUID = 1L;
        final List<String> items = new ArrayList<>();
        int[] numbers = {1, 2};
    }

    static final class Unserializable implements Serializable {
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("unused")
        private final Object notSerializable = new Object();
    }

    static final class FailsOnRead implements Serializable {
        private static final long serialVersionUID = 1L;

        private void readObject(ObjectInputStream in) throws IOException {
            throw new IOException("refusing to be read");
        }
    }

    /** Defines {@link Payload} itself instead of delegating, so the class it yields is a distinct one. */
    static final class ChildFirstLoader extends ClassLoader {
        ChildFirstLoader() {
            super(ObjectMessageTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(Payload.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] code = in.readAllBytes();
                        c = defineClass(name, code, 0, code.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return c;
            }
        }
    }

    @Test
    void objectIsSnapshotWhenSet() throws JMSException {
        Payload p = new Payload();
        p.items.add("first");
        DepotObjectMessage m = new DepotObjectMessage(p);
        p.items.add("later");
        p.numbers[0] = 99;
        Payload read = (Payload) m.getObject();
        assertThat(read.items).containsExactly("first");
        assertThat(read.numbers).containsExactly(1, 2);
    }

    @Test
    void getObjectReturnsAFreshCopyEachTime() throws JMSException {
        Payload p = new Payload();
        DepotObjectMessage m = new DepotObjectMessage();
        m.setObject(p);
        Payload first = (Payload) m.getObject();
        first.items.add("changed by reader");
        assertThat(((Payload) m.getObject()).items).isEmpty();
        assertThat(m.getObject()).isNotSameAs(p);
    }

    @Test
    void nullObjectIsTheDefaultAndCanBeSet() throws JMSException {
        DepotObjectMessage m = new DepotObjectMessage();
        assertThat(m.getObject()).isNull();
        m.setObject("x");
        m.setObject(null);
        assertThat(m.getObject()).isNull();
        assertThat(MessageCodec.encodeBody(m)).isNull();
    }

    @Test
    void serializationFailureIsAFormatExceptionWithCause() {
        DepotObjectMessage m = new DepotObjectMessage();
        assertThatThrownBy(() -> m.setObject(new Unserializable()))
                .isInstanceOf(MessageFormatException.class)
                .hasCauseInstanceOf(NotSerializableException.class)
                .satisfies(e -> assertThat(((JMSException) e).getLinkedException())
                        .isInstanceOf(NotSerializableException.class));
        assertThatThrownBy(() -> new DepotObjectMessage(new Unserializable()))
                .isInstanceOf(MessageFormatException.class);
    }

    @Test
    void failedSetKeepsThePreviousObject() throws JMSException {
        DepotObjectMessage m = new DepotObjectMessage("before");
        assertThatThrownBy(() -> m.setObject(new Unserializable())).isInstanceOf(MessageFormatException.class);
        assertThat(m.getObject()).isEqualTo("before");
    }

    @Test
    void deserializationFailureIsAFormatExceptionWithCause() throws JMSException {
        DepotObjectMessage m = new DepotObjectMessage(new FailsOnRead());
        assertThatThrownBy(m::getObject).isInstanceOf(MessageFormatException.class)
                .hasCauseInstanceOf(IOException.class).hasRootCauseMessage("refusing to be read");
        assertThatThrownBy(() -> m.getBody(Serializable.class)).isInstanceOf(MessageFormatException.class);
        assertThat(m.isBodyAssignableTo(Serializable.class)).isFalse();

        DepotObjectMessage corrupt = new DepotObjectMessage();
        MessageCodec.attachBody(corrupt, new byte[] {1, 2, 3, 4, 5, 6});
        assertThatThrownBy(corrupt::getObject).isInstanceOf(MessageFormatException.class)
                .hasCauseInstanceOf(StreamCorruptedException.class);
    }

    @Test
    void classesResolveThroughTheThreadContextLoader() throws Exception {
        DepotObjectMessage m = new DepotObjectMessage(new Payload());
        ClassLoader child = new ChildFirstLoader();
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(child);
        try {
            Object read = m.getObject();
            assertThat(read.getClass().getName()).isEqualTo(Payload.class.getName());
            assertThat(read.getClass().getClassLoader()).isSameAs(child);
            assertThat(read).isNotInstanceOf(Payload.class);
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    @Test
    void classesFallBackToDepotsLoaderWhenTheContextLoaderCannotSeeThem() throws Exception {
        DepotObjectMessage m = new DepotObjectMessage(new Payload());
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(new ClassLoader(null) { });
        try {
            assertThat(m.getObject()).isInstanceOf(Payload.class);
            thread.setContextClassLoader(null);
            assertThat(m.getObject()).isInstanceOf(Payload.class);
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    @Test
    void primitiveArrayClassesResolve() throws JMSException {
        DepotObjectMessage m = new DepotObjectMessage(new long[][] {{1L}, {2L, 3L}});
        assertThat((long[][]) m.getObject()).isDeepEqualTo(new long[][] {{1L}, {2L, 3L}});
    }

    @Test
    void receivedObjectIsReadOnlyUntilClearBody() throws JMSException {
        DepotObjectMessage m = new DepotObjectMessage("v");
        m.markReceived(false, 1);
        assertThatThrownBy(() -> m.setObject("w")).isInstanceOf(MessageNotWriteableException.class);
        assertThat(m.getObject()).isEqualTo("v");
        m.clearBody();
        assertThat(m.getObject()).isNull();
        m.setObject("w");
        assertThat(m.getObject()).isEqualTo("w");
    }
}
