package dev.depot.jms;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.XAJMSContext;
import javax.transaction.xa.XAResource;

/**
 * A JMSContext whose work is a transaction manager's: its session is an XA session, and
 * {@link #getXAResource()} enlists it in the global transaction.
 */
public class DepotXAJMSContext extends DepotJMSContext implements XAJMSContext {

    DepotXAJMSContext(DepotXAConnection connection) {
        super(connection, SESSION_TRANSACTED);
    }

    static DepotXAJMSContext open(ConnectionOpener opener) {
        try {
            return new DepotXAJMSContext((DepotXAConnection) opener.open());
        } catch (JMSException e) {
            throw JmsRuntimeExceptions.convert(e);
        }
    }

    @Override
    DepotSession newSession(Connection connection, int mode) throws JMSException {
        return (DepotSession) ((DepotXAConnection) connection).createXASession();
    }

    @Override
    public JMSContext getContext() {
        checkOpen();
        return this;
    }

    @Override
    public XAResource getXAResource() {
        return ((DepotXASession) currentSession()).getXAResource();
    }

    @Override
    public void commit() {
        checkOpen();
        throw new TransactionInProgressRuntimeException("An XAJMSContext's transaction is the transaction manager's: "
                + "commit through its XAResource");
    }

    @Override
    public void rollback() {
        checkOpen();
        throw new TransactionInProgressRuntimeException("An XAJMSContext's transaction is the transaction manager's: "
                + "roll back through its XAResource");
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        throw new JMSRuntimeException("An XAJMSContext cannot create further contexts; create one per XA connection");
    }
}
