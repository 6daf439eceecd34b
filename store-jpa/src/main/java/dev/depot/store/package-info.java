/**
 * Depot's persistent model and the operations the JMS provider needs, on PostgreSQL.
 *
 * <p>{@link dev.depot.store.DepotStore} is the entry point: it migrates the schema, maps it with
 * Hibernate, registers this JVM as a node and listens for wake-ups. {@link dev.depot.store.Deliveries}
 * is where a message is written ({@code enqueue}), claimed ({@code claim}), acknowledged
 * ({@code acknowledge}) and released ({@code release}). This package knows nothing of Jakarta Messaging.
 */
package dev.depot.store;
