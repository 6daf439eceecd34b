package dev.depot.jms.xa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.depot.jms.DepotConnectionFactory;
import dev.depot.store.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.transaction.TransactionManager;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.xa.PGXADataSource;

/** XA sessions on PostgreSQL's two-phase commit, by hand and under a real transaction manager. */
class XaTest {

    private String schema;
    private DepotConnectionFactory factory;
    private XAConnection xaConnection;
    private Connection plain;

    @BeforeEach
    void open() throws Exception {
        schema = TestDatabase.newSchema();
        factory = new DepotConnectionFactory(TestDatabase.url());
        factory.setSchema(schema);
        factory.setHeartbeatMillis(200);
        factory.setNodeTimeoutMillis(1_500);
        xaConnection = factory.createXAConnection();
        xaConnection.start();
        plain = factory.createConnection();
        plain.start();
    }

    @AfterEach
    void close() throws Exception {
        xaConnection.close();
        plain.close();
        factory.close();
        TestDatabase.dropSchema(schema);
    }

    private String receiveText(String queue, long timeout) throws Exception {
        try (Session s = plain.createSession()) {
            Message m = s.createConsumer(s.createQueue(queue)).receive(timeout);
            return m == null ? null : ((TextMessage) m).getText();
        }
    }

    private void sendPlain(String queue, String text) throws Exception {
        try (Session s = plain.createSession()) {
            s.createProducer(s.createQueue(queue)).send(s.createTextMessage(text));
        }
    }

    @Test
    void aSendInABranchIsSeenOnlyAfterTwoPhaseCommitAndNeverAfterRollback() throws Exception {
        XASession session = xaConnection.createXASession();
        XAResource resource = session.getXAResource();
        Queue queue = session.createQueue("xa-out");

        Xid rolledBack = TestXid.random();
        resource.start(rolledBack, XAResource.TMNOFLAGS);
        session.createProducer(queue).send(session.createTextMessage("rolled back"));
        resource.end(rolledBack, XAResource.TMSUCCESS);
        assertThat(resource.prepare(rolledBack)).isEqualTo(XAResource.XA_OK);
        resource.rollback(rolledBack);

        Xid committed = TestXid.random();
        resource.start(committed, XAResource.TMNOFLAGS);
        session.createProducer(queue).send(session.createTextMessage("committed"));
        resource.end(committed, XAResource.TMSUCCESS);
        resource.prepare(committed);
        assertThat(receiveText("xa-out", 300)).as("prepared is not committed").isNull();
        resource.commit(committed, false);

        assertThat(receiveText("xa-out", 5_000)).isEqualTo("committed");
        assertThat(receiveText("xa-out", 300)).isNull();
    }

    @Test
    void aReceiveInARolledBackBranchIsDeliveredAgainAndInACommittedOneIsGone() throws Exception {
        sendPlain("xa-in", "work");
        XASession session = xaConnection.createXASession();
        XAResource resource = session.getXAResource();
        MessageConsumer consumer = session.createConsumer(session.createQueue("xa-in"));

        Xid first = TestXid.random();
        resource.start(first, XAResource.TMNOFLAGS);
        assertThat(((TextMessage) consumer.receive(5_000)).getText()).isEqualTo("work");
        resource.end(first, XAResource.TMSUCCESS);
        resource.rollback(first);

        Xid second = TestXid.random();
        resource.start(second, XAResource.TMNOFLAGS);
        Message again = consumer.receive(5_000);
        assertThat(again.getJMSRedelivered()).isTrue();
        resource.end(second, XAResource.TMSUCCESS);
        resource.commit(second, true);

        assertThat(receiveText("xa-in", 300)).isNull();
    }

    @Test
    void anXaSessionIsTransactedByItsResourceAndAutomaticOutsideABranch() throws Exception {
        XASession session = xaConnection.createXASession();
        assertThat(session.getTransacted()).isTrue();
        assertThatThrownBy(session::commit).isInstanceOf(TransactionInProgressException.class);
        assertThatThrownBy(session::rollback).isInstanceOf(TransactionInProgressException.class);
        assertThat(session.getXAResource().isSameRM(session.getXAResource())).isTrue();
        assertThat(session.getXAResource().isSameRM(xaConnection.createXASession().getXAResource())).isFalse();

        Queue queue = session.createQueue("outside");
        session.createProducer(queue).send(session.createTextMessage("no branch"));
        assertThat(((TextMessage) session.createConsumer(queue).receive(5_000)).getText()).isEqualTo("no branch");
        session.close();
        assertThat(receiveText("outside", 300)).as("received outside a branch: acknowledged").isNull();
    }

    @Test
    void oneJtaTransactionSendsReceivesAndUpdatesATableAsOne() throws Exception {
        System.setProperty("ObjectStoreEnvironmentBean.objectStoreDir", "target/narayana-" + UUID.randomUUID());
        TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        PGXADataSource appDataSource = new PGXADataSource();
        appDataSource.setURL(TestDatabase.url());
        try (java.sql.Connection ddl = TestDatabase.connect(); Statement s = ddl.createStatement()) {
            s.execute("CREATE TABLE " + schema + ".orders (id int PRIMARY KEY)");
        }
        sendPlain("requests", "order 1");
        sendPlain("requests", "order 2");
        XASession session = xaConnection.createXASession();
        MessageConsumer requests = session.createConsumer(session.createQueue("requests"));
        Queue confirmations = session.createQueue("confirmations");
        javax.sql.XAConnection app = appDataSource.getXAConnection();
        try {
            for (int order = 1; order <= 2; order++) {
                tm.begin();
                tm.getTransaction().enlistResource(session.getXAResource());
                tm.getTransaction().enlistResource(app.getXAResource());
                TextMessage request = (TextMessage) requests.receive(5_000);
                assertThat(request.getText()).isEqualTo("order " + order);
                try (Statement s = app.getConnection().createStatement()) {
                    s.executeUpdate("INSERT INTO " + schema + ".orders VALUES (" + order + ")");
                }
                session.createProducer(confirmations).send(session.createTextMessage("confirmed " + order));
                if (order == 1) {
                    tm.rollback();
                } else {
                    tm.commit();
                }
            }
        } finally {
            app.close();
        }

        List<Integer> rows = new ArrayList<>();
        try (java.sql.Connection c = TestDatabase.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM " + schema + ".orders")) {
            while (rs.next()) {
                rows.add(rs.getInt(1));
            }
        }
        assertThat(rows).as("the rolled-back insert is gone, the committed one stays").containsExactly(2);
        assertThat(receiveText("confirmations", 5_000)).isEqualTo("confirmed 2");
        assertThat(receiveText("confirmations", 300)).isNull();
        assertThat(receiveText("requests", 5_000)).as("the rolled-back receive comes back").isEqualTo("order 1");
        assertThat(receiveText("requests", 300)).isNull();
    }

    @Test
    void aBranchLeftPreparedByAKilledJvmIsRecoveredAndCommitted() throws Exception {
        String gtrid = "depot-" + UUID.randomUUID();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process child = new ProcessBuilder(java, "-cp", classpath, PreparingProcess.class.getName(),
                TestDatabase.url(), schema, "recovered", gtrid).redirectErrorStream(false).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("PREPARED");
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertThat(receiveText("recovered", 300)).isNull();

        XAResource resource = xaConnection.createXASession().getXAResource();
        Xid[] prepared = resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
        Xid left = null;
        for (Xid xid : prepared) {
            if (TestXid.of(gtrid).sameAs(xid)) {
                left = xid;
            }
        }
        assertThat(left).as("recover() lists the prepared branch").isNotNull();
        resource.commit(left, false);

        assertThat(receiveText("recovered", 5_000)).isEqualTo("prepared elsewhere");
    }

    @Test
    void anXaJmsContextTakesPartThroughItsXaResource() throws Exception {
        try (jakarta.jms.XAJMSContext context = factory.createXAContext()) {
            assertThat(context.getTransacted()).isTrue();
            assertThatThrownBy(context::commit).isInstanceOf(jakarta.jms.TransactionInProgressRuntimeException.class);
            XAResource resource = context.getXAResource();
            Xid xid = TestXid.random();
            resource.start(xid, XAResource.TMNOFLAGS);
            context.createProducer().send(context.createQueue("xa-context"), "from a context");
            resource.end(xid, XAResource.TMSUCCESS);
            resource.prepare(xid);
            assertThat(receiveText("xa-context", 300)).isNull();
            resource.commit(xid, false);
        }
        assertThat(receiveText("xa-context", 5_000)).isEqualTo("from a context");
    }
}
