package dev.depot.jms;

import dev.depot.store.StoreConfig;
import jakarta.jms.JMSException;
import java.io.Serializable;
import java.time.Duration;

/**
 * The settings of a connection factory, checked once when it starts. Each check names the
 * setting and its allowed range, so a misconfiguration is found at the first connection.
 */
final class DepotSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    String url;
    String user;
    String password;
    String schema = StoreConfig.DEFAULT_SCHEMA;
    String clientId;
    int prefetch = 100;
    int maxPoolSize = 10;
    long connectTimeoutMillis = 5_000;
    long maxBodyBytes = StoreConfig.DEFAULT_MAX_BODY_BYTES;
    long heartbeatMillis = 2_000;
    long nodeTimeoutMillis = 20_000;
    long pollMillis = 1_000;
    boolean allowAnonymous = true;
    String defaultUser;
    boolean populateUserId;

    /** A checked copy, so later changes to this object cannot reach a running engine. */
    DepotSettings validated(boolean hasDataSource) throws JMSException {
        if (!hasDataSource) {
            if (url == null || url.isBlank()) {
                throw new JMSException("No database: set the connection factory's url (a jdbc:postgresql:// URL) or a DataSource");
            }
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new JMSException("url '" + url + "' is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
            }
        }
        requireRange("prefetch", prefetch, 1, 10_000);
        requireRange("maxPoolSize", maxPoolSize, 1, 1_000);
        requireRange("connectTimeoutMillis", connectTimeoutMillis, 250, 600_000);
        requireRange("heartbeatMillis", heartbeatMillis, 10, 600_000);
        requireRange("pollMillis", pollMillis, 10, 600_000);
        DepotSettings copy = new DepotSettings();
        copy.url = url;
        copy.user = user;
        copy.password = password;
        copy.schema = schema;
        copy.clientId = clientId;
        copy.prefetch = prefetch;
        copy.maxPoolSize = maxPoolSize;
        copy.connectTimeoutMillis = connectTimeoutMillis;
        copy.maxBodyBytes = maxBodyBytes;
        copy.heartbeatMillis = heartbeatMillis;
        copy.nodeTimeoutMillis = nodeTimeoutMillis;
        copy.pollMillis = pollMillis;
        copy.allowAnonymous = allowAnonymous;
        copy.defaultUser = defaultUser;
        copy.populateUserId = populateUserId;
        copy.storeConfig();
        return copy;
    }

    /** The store's part of the settings; its own checks name the same settings. */
    StoreConfig storeConfig() throws JMSException {
        try {
            return new StoreConfig(schema, maxBodyBytes, Duration.ofMillis(heartbeatMillis),
                    Duration.ofMillis(nodeTimeoutMillis), Duration.ofMillis(pollMillis));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw JmsExceptions.link(new JMSException("Invalid connection factory setting: " + e.getMessage()), e);
        }
    }

    private static void requireRange(String name, long value, long min, long max) throws JMSException {
        if (value < min || value > max) {
            throw new JMSException(name + " is " + value + "; it must be between " + min + " and " + max);
        }
    }
}
