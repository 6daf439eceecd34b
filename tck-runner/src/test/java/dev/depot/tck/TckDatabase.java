package dev.depot.tck;

import dev.depot.jms.DepotAdmin;
import dev.depot.jms.DepotConnectionFactory;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares the database before the official TCK runs (profile {@code tck}): a fresh schema, and
 * the user {@code j2ee} (password {@code j2ee}) the TCK connects as.
 */
public class TckDatabase implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Properties settings = new Properties();
        try (InputStream in = TckDatabase.class.getResourceAsStream("/tck-database.properties")) {
            if (in == null) {
                return;
            }
            settings.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read tck-database.properties", e);
        }
        String url = settings.getProperty("url");
        String schema = settings.getProperty("schema");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reset schema " + schema + " for the TCK", e);
        }
        try (DepotConnectionFactory factory = new DepotConnectionFactory(url)) {
            factory.setSchema(schema);
            new DepotAdmin(factory).saveUser("j2ee", "j2ee");
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException("Cannot create the TCK's user", e);
        }
    }
}
