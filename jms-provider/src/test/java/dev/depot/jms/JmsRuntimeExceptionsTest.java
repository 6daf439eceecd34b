package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.TransactionRolledBackException;
import jakarta.jms.TransactionRolledBackRuntimeException;
import java.sql.SQLException;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every checked exception becomes its unchecked counterpart, keeping message, error code and cause. */
class JmsRuntimeExceptionsTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                pair(IllegalStateException::new, IllegalStateRuntimeException.class),
                pair(InvalidClientIDException::new, InvalidClientIDRuntimeException.class),
                pair(InvalidDestinationException::new, InvalidDestinationRuntimeException.class),
                pair(InvalidSelectorException::new, InvalidSelectorRuntimeException.class),
                pair(JMSSecurityException::new, JMSSecurityRuntimeException.class),
                pair(MessageFormatException::new, MessageFormatRuntimeException.class),
                pair(MessageNotWriteableException::new, MessageNotWriteableRuntimeException.class),
                pair(ResourceAllocationException::new, ResourceAllocationRuntimeException.class),
                pair(TransactionInProgressException::new, TransactionInProgressRuntimeException.class),
                pair(TransactionRolledBackException::new, TransactionRolledBackRuntimeException.class),
                pair(MessageEOFException::new, JMSRuntimeException.class),
                pair(MessageNotReadableException::new, JMSRuntimeException.class),
                pair(JMSException::new, JMSRuntimeException.class));
    }

    private static Arguments pair(BiFunction<String, String, JMSException> checked,
                                  Class<? extends JMSRuntimeException> unchecked) {
        return Arguments.of(checked, unchecked);
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void eachCheckedExceptionBecomesItsUncheckedCounterpart(BiFunction<String, String, JMSException> checked,
                                                          Class<? extends JMSRuntimeException> unchecked) {
        JMSException original = checked.apply("what went wrong", "DEPOT-42");
        SQLException linked = new SQLException("connection reset", "08006");
        original.setLinkedException(linked);

        JMSRuntimeException converted = JmsRuntimeExceptions.convert(original);

        assertThat(converted).isExactlyInstanceOf(unchecked);
        assertThat(converted.getMessage()).isEqualTo("what went wrong");
        assertThat(converted.getErrorCode()).isEqualTo("DEPOT-42");
        assertThat(converted.getCause()).isSameAs(original);
        assertThat(((JMSException) converted.getCause()).getLinkedException()).isSameAs(linked);
    }
}
