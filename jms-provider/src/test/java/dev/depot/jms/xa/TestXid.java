package dev.depot.jms.xa;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import javax.transaction.xa.Xid;

/** A transaction branch id for tests that drive XAResource by hand. */
record TestXid(int formatId, byte[] gtrid, byte[] bqual) implements Xid {

    static TestXid random() {
        return new TestXid(0x44455054, UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII), new byte[] {1});
    }

    static TestXid of(String gtrid) {
        return new TestXid(0x44455054, gtrid.getBytes(StandardCharsets.US_ASCII), new byte[] {1});
    }

    @Override
    public int getFormatId() {
        return formatId;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return gtrid.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
        return bqual.clone();
    }

    boolean sameAs(Xid other) {
        return other.getFormatId() == formatId && Arrays.equals(other.getGlobalTransactionId(), gtrid)
                && Arrays.equals(other.getBranchQualifier(), bqual);
    }
}
