package dev.depot.store;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a {@link DepotStore} runs. Every setting is validated when the store starts, with a message
 * that names the setting and its allowed range.
 *
 * @param schema            the PostgreSQL schema that holds Depot's tables (created if missing)
 * @param maxBodyBytes      the largest message body accepted, in bytes
 * @param heartbeatInterval how often this node proves it is alive and looks for dead nodes
 * @param nodeTimeout       how long a node may miss heartbeats before others release its claims
 * @param pollInterval      the backstop poll of waiting consumers, in case a wake-up was missed
 */
public record StoreConfig(
        String schema,
        long maxBodyBytes,
        Duration heartbeatInterval,
        Duration nodeTimeout,
        Duration pollInterval) {

    public static final String DEFAULT_SCHEMA = "depot";
    public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;
    /** PostgreSQL cannot hold a bytea value over 1 GiB. */
    public static final long MAX_BODY_BYTES_LIMIT = 1024L * 1024 * 1024 - 1024;

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public StoreConfig {
        Objects.requireNonNull(schema, "schema");
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema '" + schema
                    + "' must be 1 to 63 lower-case letters, digits or underscores, not starting with a digit");
        }
        if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxBodyBytes is " + maxBodyBytes
                    + "; it must be between 1 and " + MAX_BODY_BYTES_LIMIT);
        }
        requirePositive("heartbeatInterval", heartbeatInterval);
        requirePositive("nodeTimeout", nodeTimeout);
        requirePositive("pollInterval", pollInterval);
        if (nodeTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("nodeTimeout (" + nodeTimeout
                    + ") must be at least twice heartbeatInterval (" + heartbeatInterval + ")");
        }
    }

    /** The defaults: schema {@code depot}, 64 MiB bodies, 2 s heartbeats, 20 s node timeout, 1 s poll. */
    public static StoreConfig defaults() {
        return new StoreConfig(DEFAULT_SCHEMA, DEFAULT_MAX_BODY_BYTES,
                Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(1));
    }

    public StoreConfig withSchema(String value) {
        return new StoreConfig(value, maxBodyBytes, heartbeatInterval, nodeTimeout, pollInterval);
    }

    public StoreConfig withMaxBodyBytes(long value) {
        return new StoreConfig(schema, value, heartbeatInterval, nodeTimeout, pollInterval);
    }

    public StoreConfig withLiveness(Duration heartbeat, Duration timeout) {
        return new StoreConfig(schema, maxBodyBytes, heartbeat, timeout, pollInterval);
    }

    public StoreConfig withPollInterval(Duration value) {
        return new StoreConfig(schema, maxBodyBytes, heartbeatInterval, nodeTimeout, value);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be positive");
        }
    }
}
