package dev.depot.jms.xa;

import dev.depot.jms.DepotConnectionFactory;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import javax.transaction.xa.XAResource;

/**
 * Runs in a JVM of its own: sends one message in an XA branch, prepares it, says so, and waits to
 * be killed, leaving the branch prepared. Arguments: JDBC URL, schema, queue, global transaction id.
 */
public final class PreparingProcess {

    private PreparingProcess() {
    }

    public static void main(String[] args) throws Exception {
        DepotConnectionFactory factory = new DepotConnectionFactory(args[0]);
        factory.setSchema(args[1]);
        factory.setHeartbeatMillis(200);
        factory.setNodeTimeoutMillis(1_500);
        XAConnection connection = factory.createXAConnection();
        XASession session = connection.createXASession();
        XAResource resource = session.getXAResource();
        TestXid xid = TestXid.of(args[3]);
        resource.start(xid, XAResource.TMNOFLAGS);
        session.createProducer(session.createQueue(args[2])).send(session.createTextMessage("prepared elsewhere"));
        resource.end(xid, XAResource.TMSUCCESS);
        resource.prepare(xid);
        System.out.println("PREPARED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
