package dev.depot.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new physical connection to the database, for the store's own long-lived listener. */
@FunctionalInterface
public interface ConnectionSource {

    Connection open() throws SQLException;
}
