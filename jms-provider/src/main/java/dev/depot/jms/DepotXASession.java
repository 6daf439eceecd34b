package dev.depot.jms;

import jakarta.jms.JMSException;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicSession;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XASession;
import jakarta.jms.XATopicSession;
import javax.transaction.xa.XAResource;

/** A session whose transactions are a transaction manager's: its {@link XAResource} joins them. */
public class DepotXASession extends DepotSession implements XASession, XAQueueSession, XATopicSession {

    private final XaTransaction xa;

    private DepotXASession(DepotConnection connection, XaTransaction xa) {
        super(connection, Session.SESSION_TRANSACTED, xa);
        this.xa = xa;
        xa.attach(this);
    }

    static DepotXASession open(DepotConnection connection) throws JMSException {
        return new DepotXASession(connection, new XaTransaction(connection.engine));
    }

    @Override
    public Session getSession() throws JMSException {
        checkOpen();
        return this;
    }

    @Override
    public QueueSession getQueueSession() throws JMSException {
        checkOpen();
        return this;
    }

    @Override
    public TopicSession getTopicSession() throws JMSException {
        checkOpen();
        return this;
    }

    @Override
    public XAResource getXAResource() {
        return xa;
    }

    @Override
    public void close() throws JMSException {
        try {
            super.close();
        } finally {
            xa.close();
        }
    }
}
