package dev.depot.jms;

import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XASession;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicSession;

/** A connection whose XA sessions take part in a transaction manager's transactions. */
public class DepotXAConnection extends DepotConnection implements XAConnection, XAQueueConnection, XATopicConnection {

    DepotXAConnection(Engine engine, String user) {
        super(engine, user);
    }

    @Override
    public XASession createXASession() throws JMSException {
        return newXASession();
    }

    @Override
    public XAQueueSession createXAQueueSession() throws JMSException {
        return newXASession();
    }

    @Override
    public XATopicSession createXATopicSession() throws JMSException {
        return newXASession();
    }

    private DepotXASession newXASession() throws JMSException {
        checkOpen();
        DepotXASession session = DepotXASession.open(this);
        register(session);
        return session;
    }
}
