package dev.depot.jms;

import jakarta.jms.Topic;

/** A topic: each message goes to every subscription that exists when it is committed. */
public class DepotTopic extends DepotDestination implements Topic {

    private static final long serialVersionUID = 1L;

    public DepotTopic(String name) {
        super(name);
    }

    @Override
    public String getTopicName() {
        return name();
    }

    @Override
    public boolean isQueue() {
        return false;
    }
}
