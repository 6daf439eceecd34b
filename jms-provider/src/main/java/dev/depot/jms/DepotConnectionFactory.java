package dev.depot.jms;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Session;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.jms.XAConnection;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XAJMSContext;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueConnectionFactory;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicConnectionFactory;
import java.io.Serializable;
import javax.sql.DataSource;

/**
 * Creates connections to Depot. Point it at a PostgreSQL database with a JDBC URL (and user and
 * password), or hand it a {@link DataSource} the application already has:
 *
 * <pre>{@code
 * DepotConnectionFactory factory = new DepotConnectionFactory("jdbc:postgresql://localhost/app");
 * factory.setUser("app");
 * factory.setPassword("secret");
 * }</pre>
 *
 * The factory is cheap until its first connection: then it migrates Depot's schema, opens its
 * connection pool and registers this JVM as a node. Settings are checked at that moment, with
 * messages that name the setting. {@link #close()} releases the pool; a factory that is never
 * closed is released when the JVM exits.
 */
public class DepotConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory,
        XAConnectionFactory, XAQueueConnectionFactory, XATopicConnectionFactory, Serializable, AutoCloseable {

    private static final long serialVersionUID = 1L;

    private final DepotSettings settings;
    private transient DataSource dataSource;
    private transient Engine engine;

    /** A factory with no database yet: set one with {@link #setUrl} or {@link #setDataSource}. */
    public DepotConnectionFactory() {
        this.settings = new DepotSettings();
    }

    public DepotConnectionFactory(String jdbcUrl) {
        this();
        settings.url = jdbcUrl;
    }

    /** A factory on the application's own data source; Depot then borrows connections from it. */
    public DepotConnectionFactory(DataSource dataSource) {
        this();
        this.dataSource = dataSource;
    }

    // ---- settings ----

    public String getUrl() {
        return settings.url;
    }

    /** The JDBC URL of the PostgreSQL database, for example {@code jdbc:postgresql://localhost:5432/app}. */
    public void setUrl(String url) {
        checkNotStarted();
        settings.url = url;
    }

    public String getUser() {
        return settings.user;
    }

    /** The database user; may also be given in the URL. */
    public void setUser(String user) {
        checkNotStarted();
        settings.user = user;
    }

    /** The database password; may also be given in the URL. */
    public void setPassword(String password) {
        checkNotStarted();
        settings.password = password;
    }

    public void setDataSource(DataSource dataSource) {
        checkNotStarted();
        this.dataSource = dataSource;
    }

    public String getSchema() {
        return settings.schema;
    }

    /** The schema that holds Depot's tables; {@code depot} unless set. */
    public void setSchema(String schema) {
        checkNotStarted();
        settings.schema = schema;
    }

    public int getPrefetch() {
        return settings.prefetch;
    }

    /** How many messages a consumer claims ahead of the application (1 to 10 000, default 100). */
    public void setPrefetch(int prefetch) {
        checkNotStarted();
        settings.prefetch = prefetch;
    }

    public int getMaxPoolSize() {
        return settings.maxPoolSize;
    }

    /** The most database connections this factory holds at once (1 to 1 000, default 10). */
    public void setMaxPoolSize(int maxPoolSize) {
        checkNotStarted();
        settings.maxPoolSize = maxPoolSize;
    }

    public long getConnectTimeoutMillis() {
        return settings.connectTimeoutMillis;
    }

    /** How long an operation waits for a database connection before it fails (250 ms or more, default 5 000). */
    public void setConnectTimeoutMillis(long millis) {
        checkNotStarted();
        settings.connectTimeoutMillis = millis;
    }

    public long getMaxBodyBytes() {
        return settings.maxBodyBytes;
    }

    /** The largest message body accepted, in bytes (default 64 MiB). */
    public void setMaxBodyBytes(long maxBodyBytes) {
        checkNotStarted();
        settings.maxBodyBytes = maxBodyBytes;
    }

    public String getClientID() {
        return settings.clientId;
    }

    /** A client ID given to every connection this factory creates. */
    public void setClientID(String clientId) {
        settings.clientId = clientId;
    }

    /** How often this JVM beats its heartbeat, in milliseconds (default 2 000). */
    public void setHeartbeatMillis(long millis) {
        checkNotStarted();
        settings.heartbeatMillis = millis;
    }

    /** After how long without a heartbeat a JVM counts as dead and its claims are released (default 20 000 ms). */
    public void setNodeTimeoutMillis(long millis) {
        checkNotStarted();
        settings.nodeTimeoutMillis = millis;
    }

    /** How often a waiting consumer looks again even without a wake-up, in milliseconds (default 1 000). */
    public void setPollMillis(long millis) {
        checkNotStarted();
        settings.pollMillis = millis;
    }

    public boolean isAllowAnonymous() {
        return settings.allowAnonymous;
    }

    /**
     * Whether {@code createConnection()} without credentials is allowed (the default, as for a
     * fresh database); when false, every connection must name a user and password Depot knows.
     */
    public void setAllowAnonymous(boolean allow) {
        checkNotStarted();
        settings.allowAnonymous = allow;
    }

    /** The user a connection made without credentials acts as (for {@code JMSXUserID}); none by default. */
    public void setDefaultUser(String user) {
        checkNotStarted();
        settings.defaultUser = user;
    }

    /** Whether sent messages carry {@code JMSXUserID}, the user of their connection (default false). */
    public void setPopulateJMSXUserID(boolean populate) {
        checkNotStarted();
        settings.populateUserId = populate;
    }

    private synchronized void checkNotStarted() {
        if (engine != null) {
            throw new IllegalStateException("The connection factory is in use; settings can no longer change");
        }
    }

    // ---- connections ----

    synchronized Engine engine() throws JMSException {
        if (engine == null) {
            engine = Engine.start(settings.validated(dataSource != null), dataSource);
        }
        return engine;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return createDepotConnection(anonymous());
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return createDepotConnection(authenticate(userName, password));
    }

    /** The user of a connection made without credentials, if the factory allows such connections. */
    private String anonymous() throws JMSException {
        Engine started = engine();
        if (!started.settings.allowAnonymous) {
            throw new JMSSecurityException("This connection factory requires a user name and password");
        }
        return started.settings.defaultUser;
    }

    private String authenticate(String userName, String password) throws JMSException {
        Engine started = engine();
        if (userName == null && password == null) {
            return anonymous();
        }
        if (!started.authenticate(userName, password)) {
            throw new JMSSecurityException("User '" + userName + "' is unknown or its password is wrong");
        }
        return userName;
    }

    private DepotConnection createDepotConnection(String user) throws JMSException {
        DepotConnection connection = new DepotConnection(engine(), user);
        if (settings.clientId != null) {
            connection.assignClientId(settings.clientId);
        }
        return connection;
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return createDepotConnection(anonymous());
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return createDepotConnection(authenticate(userName, password));
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return createDepotConnection(anonymous());
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return createDepotConnection(authenticate(userName, password));
    }

    @Override
    public JMSContext createContext() {
        return DepotJMSContext.open(this::createConnection, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return DepotJMSContext.open(() -> createConnection(userName, password), JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return DepotJMSContext.open(() -> createConnection(userName, password), sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return DepotJMSContext.open(this::createConnection, sessionMode);
    }

    // ---- the application's own transaction ----

    /**
     * A session whose sends and receives are part of the application's current transaction on
     * {@code jdbc}, a connection to the same database: they commit or roll back with the
     * application's own writes, in one local transaction, without XA. The application commits and
     * rolls back as it always does (or through the session's commit and rollback, which do the
     * same). Use one such session per transaction; it is transacted, and receives with
     * {@code receive()}, one message at a time.
     *
     * @param jdbc a connection with auto-commit off, such as the one a JPA transaction holds
     */
    public Session createSession(java.sql.Connection jdbc) throws JMSException {
        if (jdbc == null) {
            throw new JMSException("The application's JDBC connection must not be null");
        }
        try {
            if (jdbc.getAutoCommit()) {
                throw new jakarta.jms.IllegalStateException("The application's connection is in auto-commit mode: "
                        + "start a transaction on it first, or every send and receive commits on its own");
            }
        } catch (java.sql.SQLException e) {
            throw JmsExceptions.link(new JMSException("The application's connection is unusable: " + e.getMessage()), e);
        }
        DepotConnection connection = createDepotConnection(anonymous());
        connection.start();
        return connection.createApplicationSession(jdbc);
    }

    // ---- XA ----

    @Override
    public XAConnection createXAConnection() throws JMSException {
        return createDepotXAConnection(anonymous());
    }

    @Override
    public XAConnection createXAConnection(String userName, String password) throws JMSException {
        return createDepotXAConnection(authenticate(userName, password));
    }

    @Override
    public XAQueueConnection createXAQueueConnection() throws JMSException {
        return createDepotXAConnection(anonymous());
    }

    @Override
    public XAQueueConnection createXAQueueConnection(String userName, String password) throws JMSException {
        return createDepotXAConnection(authenticate(userName, password));
    }

    @Override
    public XATopicConnection createXATopicConnection() throws JMSException {
        return createDepotXAConnection(anonymous());
    }

    @Override
    public XATopicConnection createXATopicConnection(String userName, String password) throws JMSException {
        return createDepotXAConnection(authenticate(userName, password));
    }

    private DepotXAConnection createDepotXAConnection(String user) throws JMSException {
        DepotXAConnection connection = new DepotXAConnection(engine(), user);
        if (settings.clientId != null) {
            connection.assignClientId(settings.clientId);
        }
        return connection;
    }

    @Override
    public XAJMSContext createXAContext() {
        return DepotXAJMSContext.open(this::createXAConnection);
    }

    @Override
    public XAJMSContext createXAContext(String userName, String password) {
        return DepotXAJMSContext.open(() -> createXAConnection(userName, password));
    }

    /** Closes the connection pool and, when no other factory uses it, this JVM's node. */
    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
