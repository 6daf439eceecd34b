package dev.depot.jms.jndi;

import dev.depot.jms.DepotConnectionFactory;
import dev.depot.jms.DepotQueue;
import dev.depot.jms.DepotTopic;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.BiConsumer;
import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;

/**
 * JNDI for Java SE clients, configured from {@code jndi.properties} or the environment map:
 *
 * <pre>
 * java.naming.factory.initial = dev.depot.jms.jndi.DepotInitialContextFactory
 * connectionFactory.ConnectionFactory = jdbc:postgresql://localhost:5432/app
 * connectionFactory.ConnectionFactory.user = app
 * connectionFactory.ConnectionFactory.password = secret
 * connectionFactory.ConnectionFactory.clientID = billing
 * queue.orders = orders
 * topic.prices = prices
 * </pre>
 *
 * Every option of {@link DepotConnectionFactory} can be set as
 * {@code connectionFactory.<jndiName>.<option>}: {@link #OPTIONS} lists them.
 */
public class DepotInitialContextFactory implements InitialContextFactory {

    static final String FACTORY_PREFIX = "connectionFactory.";
    static final String QUEUE_PREFIX = "queue.";
    static final String TOPIC_PREFIX = "topic.";

    /** The settings a connection factory takes from JNDI, by the name used after its JNDI name. */
    public static final Map<String, BiConsumer<DepotConnectionFactory, String>> OPTIONS = Map.ofEntries(
            Map.entry("user", DepotConnectionFactory::setUser),
            Map.entry("password", DepotConnectionFactory::setPassword),
            Map.entry("clientID", DepotConnectionFactory::setClientID),
            Map.entry("schema", DepotConnectionFactory::setSchema),
            Map.entry("prefetch", (f, v) -> f.setPrefetch(Integer.parseInt(v))),
            Map.entry("maxPoolSize", (f, v) -> f.setMaxPoolSize(Integer.parseInt(v))),
            Map.entry("connectTimeoutMillis", (f, v) -> f.setConnectTimeoutMillis(Long.parseLong(v))),
            Map.entry("maxBodyBytes", (f, v) -> f.setMaxBodyBytes(Long.parseLong(v))),
            Map.entry("heartbeatMillis", (f, v) -> f.setHeartbeatMillis(Long.parseLong(v))),
            Map.entry("nodeTimeoutMillis", (f, v) -> f.setNodeTimeoutMillis(Long.parseLong(v))),
            Map.entry("pollMillis", (f, v) -> f.setPollMillis(Long.parseLong(v))),
            Map.entry("allowAnonymous", (f, v) -> f.setAllowAnonymous(parseBoolean(v))),
            Map.entry("defaultUser", DepotConnectionFactory::setDefaultUser),
            Map.entry("populateJMSXUserID", (f, v) -> f.setPopulateJMSXUserID(parseBoolean(v))));

    private static boolean parseBoolean(String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("'" + value + "' is neither true nor false");
        }
        return Boolean.parseBoolean(value);
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
        Map<String, String> entries = new HashMap<>();
        environment.forEach((key, value) -> {
            if (key instanceof String k && value instanceof String v) {
                entries.put(k, v.trim());
            }
        });
        Map<String, Object> bindings = new HashMap<>();
        Map<String, DepotConnectionFactory> factories = new HashMap<>();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(FACTORY_PREFIX) && !isOption(key, entries)) {
                if (!entry.getValue().startsWith("jdbc:postgresql:")) {
                    throw new ConfigurationException("JNDI entry '" + key + "' must be a PostgreSQL JDBC URL "
                            + "(jdbc:postgresql://host:port/database), or the option of a connection factory "
                            + "defined by its own entry; it is '" + entry.getValue() + "'");
                }
                factories.put(key.substring(FACTORY_PREFIX.length()), new DepotConnectionFactory(entry.getValue()));
            }
        }
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (key.startsWith(FACTORY_PREFIX) && isOption(key, entries)) {
                int dot = key.lastIndexOf('.');
                String factoryName = key.substring(FACTORY_PREFIX.length(), dot);
                String option = key.substring(dot + 1);
                BiConsumer<DepotConnectionFactory, String> setter = OPTIONS.get(option);
                if (setter == null) {
                    throw new ConfigurationException("Unknown option '" + option + "' in JNDI entry '" + key
                            + "'; the options are " + new java.util.TreeSet<>(OPTIONS.keySet()));
                }
                try {
                    setter.accept(factories.get(factoryName), value);
                } catch (RuntimeException e) {
                    ConfigurationException wrong = new ConfigurationException("Invalid value '" + value
                            + "' in JNDI entry '" + key + "': " + e.getMessage());
                    wrong.setRootCause(e);
                    throw wrong;
                }
            } else if (key.startsWith(QUEUE_PREFIX)) {
                bindings.put(name(key, QUEUE_PREFIX), new DepotQueue(destination(key, value)));
            } else if (key.startsWith(TOPIC_PREFIX)) {
                bindings.put(name(key, TOPIC_PREFIX), new DepotTopic(destination(key, value)));
            }
        }
        factories.forEach((name, factory) -> {
            if (name.isEmpty()) {
                return;
            }
            bindings.put(name, factory);
        });
        if (factories.containsKey("")) {
            throw new ConfigurationException("JNDI entry '" + FACTORY_PREFIX + "' has no name after the prefix");
        }
        return new ReadOnlyContext(environment, bindings);
    }

    /** {@code connectionFactory.cf.user} is an option of {@code cf} when {@code connectionFactory.cf} is defined. */
    private static boolean isOption(String key, Map<String, String> entries) {
        int dot = key.lastIndexOf('.');
        return dot > FACTORY_PREFIX.length() - 1 && entries.containsKey(key.substring(0, dot))
                && key.substring(0, dot).startsWith(FACTORY_PREFIX) && dot + 1 < key.length();
    }

    private static String name(String key, String prefix) throws ConfigurationException {
        String name = key.substring(prefix.length());
        if (name.isEmpty()) {
            throw new ConfigurationException("JNDI entry '" + key + "' has no name after the prefix");
        }
        return name;
    }

    private static String destination(String key, String value) throws ConfigurationException {
        if (value.isEmpty()) {
            throw new ConfigurationException("JNDI entry '" + key + "' names no destination");
        }
        return value;
    }
}
