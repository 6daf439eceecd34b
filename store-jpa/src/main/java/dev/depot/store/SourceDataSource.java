package dev.depot.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Presents a {@link ConnectionSource} as the {@link DataSource} that Flyway and Hibernate take. */
final class SourceDataSource implements DataSource {

    private final ConnectionSource source;

    SourceDataSource(ConnectionSource source) {
        this.source = source;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return source.open();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("Depot's store opens connections with its own credentials");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Depot logs through System.Logger; a log writer has nothing to receive.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // The connection source decides its own timeouts.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
