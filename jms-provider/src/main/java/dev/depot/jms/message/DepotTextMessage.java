package dev.depot.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.TextMessage;

/**
 * Depot's {@link TextMessage}. The text is writable until the message is received, and again after
 * {@link #clearBody()}; a null text is "no body" for {@link #getBody(Class)}.
 */
public class DepotTextMessage extends DepotMessage implements TextMessage {

    String text;

    /** A text message whose text is null. */
    public DepotTextMessage() {
    }

    /** A text message with the given text, as {@code Session.createTextMessage(String)} returns. */
    public DepotTextMessage(String text) {
        this.text = text;
    }

    @Override
    byte typeCode() {
        return MessageCodec.TYPE_TEXT;
    }

    @Override
    public void setText(String string) throws JMSException {
        checkBodyWritable();
        this.text = string;
    }

    @Override
    public String getText() {
        return text;
    }

    @Override
    void clearBodyContent() {
        text = null;
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        if (text == null) {
            return null;
        }
        if (!c.isAssignableFrom(String.class)) {
            throw new MessageFormatException("The body of a TextMessage is a String and cannot be read as " + c.getName());
        }
        return c.cast(text);
    }

    @Override
    public boolean hasBody() {
        return text != null;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        return text == null || asWildcard(c).isAssignableFrom(String.class);
    }
}
