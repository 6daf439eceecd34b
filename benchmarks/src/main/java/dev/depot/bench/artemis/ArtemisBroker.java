package dev.depot.bench.artemis;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.storage.DatabaseStorageConfiguration;
import org.apache.activemq.artemis.core.io.aio.AIOSequentialFileFactory;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * The Artemis broker, run by the harness in a JVM of its own and configured here in code:
 * <ul>
 * <li>{@code default}: the file journal with Artemis's built-in defaults ("as shipped": no tuning);</li>
 * <li>{@code tuned}: the file journal as {@code artemis create} tunes it: journal-buffer-timeout (and
 * page-sync-timeout) set to the measured time of one synchronous write (given by the harness, see
 * {@link SyncProbe}), ASYNCIO when libaio works else NIO, max-io 4096/1, 10 pool files;</li>
 * <li>{@code jdbc}: the JDBC store on PostgreSQL, tables in the schema named by the JDBC URL.</li>
 * </ul>
 * Prints one line "READY key=value ..." when it accepts connections, stops on "stop" or end of input.
 */
public final class ArtemisBroker {
    private ArtemisBroker() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String mode = a.getOrDefault("mode", "default");
        int port = Integer.parseInt(a.getOrDefault("port", "61616"));
        File data = new File(a.getOrDefault("data", "artemis-data"));

        Configuration cfg = new ConfigurationImpl();
        cfg.setName("depot-bench-" + mode);
        cfg.setPersistenceEnabled(true);
        cfg.setSecurityEnabled(false);
        cfg.setJMXManagementEnabled(false);
        cfg.addAcceptorConfiguration("bench", "tcp://127.0.0.1:" + port);
        File journal = new File(data, "journal");
        cfg.setJournalDirectory(journal.getPath());
        cfg.setBindingsDirectory(new File(data, "bindings").getPath());
        cfg.setLargeMessagesDirectory(new File(data, "large-messages").getPath());
        cfg.setPagingDirectory(new File(data, "paging").getPath());
        journal.mkdirs();

        boolean aio = AIOSequentialFileFactory.isSupported() && AIOSequentialFileFactory.isSupported(journal);
        switch (mode) {
            case "default" -> {
                // nothing: ConfigurationImpl's defaults
            }
            case "tuned" -> {
                int timeout = Integer.parseInt(a.get("buffer-timeout"));
                cfg.setJournalType(aio ? JournalType.ASYNCIO : JournalType.NIO);
                cfg.setJournalDatasync(true);
                cfg.setJournalBufferTimeout_AIO(timeout);
                cfg.setJournalBufferTimeout_NIO(timeout);
                cfg.setPageSyncTimeout(timeout);
                cfg.setJournalMaxIO_AIO(4096);
                cfg.setJournalMaxIO_NIO(1);
                cfg.setJournalFileSize(10 * 1024 * 1024);
                cfg.setJournalMinFiles(2);
                cfg.setJournalPoolFiles(10);
            }
            case "jdbc" -> {
                DatabaseStorageConfiguration db = new DatabaseStorageConfiguration();
                db.setJdbcConnectionUrl(a.get("jdbc-url"));
                db.setJdbcDriverClassName("org.postgresql.Driver");
                db.setMessageTableName("messages");
                db.setBindingsTableName("bindings");
                db.setLargeMessageTableName("large_messages");
                db.setPageStoreTableName("page_store");
                db.setNodeManagerStoreTableName("node_manager");
                cfg.setStoreConfiguration(db);
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }

        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(cfg);
        broker.start();

        Configuration effective = broker.getActiveMQServer().getConfiguration();
        boolean usesAio = effective.getJournalType() == JournalType.ASYNCIO && aio;
        StringBuilder ready = new StringBuilder("READY");
        ready.append(" mode=").append(mode);
        ready.append(" store=").append(effective.getStoreConfiguration() == null ? "file"
                : effective.getStoreConfiguration().getStoreType().toString().toLowerCase());
        if (!"jdbc".equals(mode)) {
            ready.append(" journal-type=").append(usesAio ? "ASYNCIO" : "NIO");
            ready.append(" journal-buffer-timeout-ns=").append(usesAio ? effective.getJournalBufferTimeout_AIO()
                    : effective.getJournalBufferTimeout_NIO());
            ready.append(" journal-datasync=").append(effective.isJournalDatasync());
        }
        ready.append(" libaio=").append(aio);
        System.out.println(ready);
        System.out.flush();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.trim().equals("stop")) {
                break;
            }
        }
        broker.stop();
        System.out.println("STOPPED");
        System.out.flush();
        System.exit(0);
    }
}
