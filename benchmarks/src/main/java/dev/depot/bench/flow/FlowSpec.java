package dev.depot.bench.flow;

import java.time.Duration;

import dev.depot.bench.transport.AckMode;
import dev.depot.bench.transport.Dest;
import dev.depot.bench.transport.SendMode;

/**
 * A stream of messages: producers send {@link #messages} to {@link #dest}, consumers (started first)
 * receive until their target is met. Producers only (consumers = 0) fills a queue; consumers only
 * (producers = 0) drains one.
 */
public final class FlowSpec implements Cloneable {
    public Dest dest;
    public int producers = 4;
    public int consumers = 4;
    /** Messages the producers send in all. */
    public long messages;
    /** Messages each stream's consumers receive before they stop; -1: as many as are sent. */
    public long receiveTarget = -1;
    public int bodySize = 1024;
    public SendMode sendMode = SendMode.PERSISTENT;
    public AckMode ackMode = AckMode.AUTO;
    /** Messages per transaction for transacted producers and consumers. */
    public int txBatch = 100;
    /** Offered rate in msg/s over all producers; 0 = each producer as fast as it can (closed loop). */
    public double rate;
    /** For a topic: durable subscriptions, each with one consumer of its own. */
    public int subscribers;
    /** Consumers in other JVMs: this many JVMs with {@link #consumersPerRemoteJvm} each. */
    public int remoteJvms;
    public int consumersPerRemoteJvm = 2;
    /** Asynchronous sends each producer may have outstanding. */
    public int asyncWindow = 1000;
    /** Producer ids are pidBase, pidBase + 1, ... */
    public int pidBase = 1;
    /** String property "kind" of every message sent, or null. */
    public String kind;
    /** Give up (an error) after this long. */
    public Duration timeout = Duration.ofMinutes(10);
    /**
     * Consumers never get ahead of the producers (received &lt;= sent): on a queue that holds a backlog
     * at the start, its depth then stays where it was while the flow runs.
     */
    public boolean consumersTrailProducers;
    /** Soak: call the sampler this often (0 = never). */
    public long sampleEveryMillis;

    public long receiveTargetPerStream() {
        return receiveTarget >= 0 ? receiveTarget : messages;
    }

    public long share(int producer) {
        return messages / producers + (producer < messages % producers ? 1 : 0);
    }

    public int streams() {
        return dest.topic() ? subscribers : 1;
    }

    public FlowSpec copy() {
        try {
            return (FlowSpec) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(producers).append("p/");
        if (dest.topic()) {
            b.append(subscribers).append(" durable subs");
        } else {
            b.append(consumers).append("c");
            if (remoteJvms > 0) {
                b.append(" + ").append(remoteJvms).append("x").append(consumersPerRemoteJvm).append("c in other JVMs");
            }
        }
        b.append(", ").append(messages).append(" x ").append(bodySize).append(" B, ").append(sendMode.name().toLowerCase());
        b.append("/").append(ackMode.name().toLowerCase());
        if (rate > 0) {
            b.append(", ").append((long) rate).append(" msg/s offered");
        }
        return b.toString();
    }
}
