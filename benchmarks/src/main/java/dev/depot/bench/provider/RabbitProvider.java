package dev.depot.bench.provider;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.jms.admin.RMQConnectionFactory;

import dev.depot.bench.RunContext;
import dev.depot.bench.metrics.ProcCpu;
import dev.depot.bench.transport.Client;
import dev.depot.bench.transport.Dest;
import dev.depot.bench.transport.JmsTransport;
import dev.depot.bench.transport.SendMode;
import dev.depot.bench.transport.Transport;
import dev.depot.bench.transport.TransportOptions;

/**
 * The RabbitMQ already running on this machine, through its JMS client (rabbitmq-jms). Its plain
 * send() returns before the broker has the message; a persistent send here goes out with a
 * CompletionListener, which that client calls on the broker's publisher confirm, and waits for it:
 * durable when it returns. Transacted sessions are AMQP transactions (durable at commit-ok).
 * Queues of the run are deleted afterwards through the AMQP client (housekeeping only).
 */
public final class RabbitProvider implements Provider {
    private RunContext ctx;
    private final Set<String> queues = ConcurrentHashMap.newKeySet();

    @Override
    public String id() {
        return "rabbitmq";
    }

    @Override
    public Map<Feature, String> unsupported() {
        return Map.of(Feature.SELECTOR, "RabbitMQ JMS client: message selectors work on topics only (with the"
                + " topic selector exchange plugin), not on queues");
    }

    @Override
    public boolean usesPostgres() {
        return false;
    }

    @Override
    public void start(RunContext ctx) throws Exception {
        this.ctx = ctx;
        Connection check = amqp().newConnection("depot-bench-check");
        check.close();
    }

    private ConnectionFactory amqp() {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(ctx.config.rabbitHost);
        f.setPort(ctx.config.rabbitPort);
        f.setUsername(ctx.config.rabbitUser);
        f.setPassword(ctx.config.rabbitPassword);
        return f;
    }

    static RMQConnectionFactory factory(String host, int port, String user, String password) {
        RMQConnectionFactory factory = new RMQConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(user);
        factory.setPassword(password);
        factory.setVirtualHost("/");
        return factory;
    }

    @Override
    public Transport transport(TransportOptions options) {
        JmsTransport jms = new JmsTransport(factory(ctx.config.rabbitHost, ctx.config.rabbitPort,
                ctx.config.rabbitUser, ctx.config.rabbitPassword), true, null);
        return new Transport() {
            @Override
            public Client connect(String clientId) throws Exception {
                return jms.connect(clientId);
            }

            @Override
            public void prepare(Dest dest, SendMode mode) {
                if (!dest.topic()) {
                    queues.add(dest.name());
                }
            }

            @Override
            public void close() throws Exception {
                jms.close();
            }
        };
    }

    @Override
    public Map<String, String> remoteSpec() {
        return Map.of("provider", id(), "host", ctx.config.rabbitHost, "port", Integer.toString(ctx.config.rabbitPort),
                "user", ctx.config.rabbitUser, "password", ctx.config.rabbitPassword);
    }

    @Override
    public long serverCpuNanos() {
        return ProcCpu.byCommandNanos("beam.smp");
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("broker", ctx.config.rabbitHost + ":" + ctx.config.rabbitPort);
        facts.put("persistentSend", "send(message, CompletionListener) + wait: publisher confirm");
        return facts;
    }

    @Override
    public void stop() {
        if (queues.isEmpty()) {
            return;
        }
        try (Connection c = amqp().newConnection("depot-bench-cleanup"); Channel channel = c.createChannel()) {
            for (String q : queues) {
                channel.queueDelete(q);
            }
            queues.clear();
        } catch (Exception e) {
            ctx.progress.line("could not delete RabbitMQ queues " + queues + ": " + e);
        }
    }
}
