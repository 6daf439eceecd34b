package dev.depot.store;

/**
 * A store operation failed. The provider turns it into the JMS exception the specification
 * names, in one place; the SQL state of a database failure stays available through the cause.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure, so callers can choose the right exception without parsing messages. */
    public enum Kind {
        /** The input was wrong: a bad name, an oversized body. Nothing was written. */
        INVALID_INPUT,
        /** A destination that does not exist, or no longer does. */
        NO_SUCH_DESTINATION,
        /** The thing is in use (a subscription with active consumers, say) and cannot be changed now. */
        IN_USE,
        /** The database could not be reached or failed during the operation. */
        DATABASE,
        /** The database is not configured as Depot needs it (for example no prepared transactions). */
        CONFIGURATION
    }

    private final Kind kind;

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
