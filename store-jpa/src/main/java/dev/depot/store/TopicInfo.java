package dev.depot.store;

/**
 * A topic, read once and cached.
 *
 * @param ownerNode       for a temporary topic, the node of the connection that created it; else 0
 * @param ownerConnection for a temporary topic, the connection that created it; else null
 */
public record TopicInfo(long id, String name, boolean temporary, long ownerNode, String ownerConnection) {
}
