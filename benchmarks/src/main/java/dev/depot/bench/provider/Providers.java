package dev.depot.bench.provider;

import java.util.List;
import java.util.Map;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import dev.depot.bench.transport.JmsTransport;
import dev.depot.bench.transport.RawPgTransport;
import dev.depot.bench.transport.Transport;
import dev.depot.jms.DepotConnectionFactory;

public final class Providers {
    public static final List<String> ALL = List.of("depot", "artemis-default", "artemis-tuned", "artemis-jdbc", "rabbitmq", "raw-pg");

    private Providers() {
    }

    public static Provider create(String id) {
        return switch (id) {
            case "depot" -> new DepotProvider();
            case "artemis-default" -> new ArtemisProvider(ArtemisProvider.Mode.DEFAULT);
            case "artemis-tuned" -> new ArtemisProvider(ArtemisProvider.Mode.TUNED);
            case "artemis-jdbc" -> new ArtemisProvider(ArtemisProvider.Mode.JDBC);
            case "rabbitmq" -> new RabbitProvider();
            case "raw-pg" -> new RawPgProvider();
            default -> throw new IllegalArgumentException("unknown provider '" + id + "'; known: " + ALL);
        };
    }

    /** A transport in another JVM, from {@link Provider#remoteSpec()}. */
    public static Transport remote(Map<String, String> spec) throws Exception {
        String id = spec.get("provider");
        switch (id) {
            case "depot" -> {
                DepotConnectionFactory factory = DepotProvider.factory(spec.get("url"), spec.get("schema"));
                return new JmsTransport(factory, false, factory::close);
            }
            case "artemis-default", "artemis-tuned", "artemis-jdbc" -> {
                ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(spec.get("url"));
                return new JmsTransport(factory, false, factory::close);
            }
            case "rabbitmq" -> {
                return new JmsTransport(RabbitProvider.factory(spec.get("host"), Integer.parseInt(spec.get("port")),
                        spec.get("user"), spec.get("password")), true, null);
            }
            case "raw-pg" -> {
                return new RawPgTransport(spec.get("url"), spec.get("schema"));
            }
            default -> throw new IllegalArgumentException("unknown provider " + id);
        }
    }
}
