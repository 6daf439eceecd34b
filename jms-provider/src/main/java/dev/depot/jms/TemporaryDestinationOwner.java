package dev.depot.jms;

import jakarta.jms.JMSException;

/** The connection that created a temporary destination: the only one that may consume from or delete it. */
interface TemporaryDestinationOwner {

    void deleteTemporary(DepotDestination destination) throws JMSException;
}
