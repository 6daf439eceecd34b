package dev.depot.jms;

import jakarta.jms.Queue;

/** A queue: each message goes to exactly one of its consumers. */
public class DepotQueue extends DepotDestination implements Queue {

    private static final long serialVersionUID = 1L;

    public DepotQueue(String name) {
        super(name);
    }

    @Override
    public String getQueueName() {
        return name();
    }

    @Override
    public boolean isQueue() {
        return true;
    }
}
