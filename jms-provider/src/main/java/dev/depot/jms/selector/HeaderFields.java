package dev.depot.jms.selector;

import java.util.Set;

/** The message header fields as far as selectors are concerned. */
final class HeaderFields {

    static final String DELIVERY_MODE = "JMSDeliveryMode";
    static final String PRIORITY = "JMSPriority";
    static final String MESSAGE_ID = "JMSMessageID";
    static final String TIMESTAMP = "JMSTimestamp";
    static final String CORRELATION_ID = "JMSCorrelationID";
    static final String TYPE = "JMSType";

    /** The only header fields a selector may reference (Jakarta Messaging 3.1, section 3.8.1.1). */
    static final Set<String> SELECTABLE = Set.of(DELIVERY_MODE, PRIORITY, MESSAGE_ID, TIMESTAMP, CORRELATION_ID, TYPE);

    /** Human-readable list of {@link #SELECTABLE} in specification order, for error messages. */
    static final String SELECTABLE_LIST =
            "JMSDeliveryMode, JMSPriority, JMSMessageID, JMSTimestamp, JMSCorrelationID, JMSType";

    /** Header fields that exist but are excluded from selectors; named specifically in error messages. */
    static final Set<String> NOT_SELECTABLE = Set.of("JMSDestination", "JMSReplyTo", "JMSExpiration",
            "JMSRedelivered", "JMSDeliveryTime");

    private HeaderFields() {
    }

    /** Static type of a selectable header field; JMSDeliveryMode is seen as the strings PERSISTENT/NON_PERSISTENT. */
    static ValueType typeOf(String name) {
        switch (name) {
            case PRIORITY:
            case TIMESTAMP:
                return ValueType.NUMERIC;
            case DELIVERY_MODE:
            case MESSAGE_ID:
            case CORRELATION_ID:
            case TYPE:
                return ValueType.STRING;
            default:
                return ValueType.ANY;
        }
    }
}
