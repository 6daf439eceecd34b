package dev.depot.jms;

import jakarta.jms.ConnectionMetaData;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** What Depot is and which JMSX properties it supports. */
final class DepotConnectionMetaData implements ConnectionMetaData {

    static final DepotConnectionMetaData INSTANCE = new DepotConnectionMetaData();

    static final String PROVIDER_NAME = "Depot";
    static final int PROVIDER_MAJOR = 0;
    static final int PROVIDER_MINOR = 1;

    private static final List<String> JMSX_PROPERTIES = List.of("JMSXUserID", "JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq");

    @Override
    public String getJMSVersion() {
        return "3.1";
    }

    @Override
    public int getJMSMajorVersion() {
        return 3;
    }

    @Override
    public int getJMSMinorVersion() {
        return 1;
    }

    @Override
    public String getJMSProviderName() {
        return PROVIDER_NAME;
    }

    @Override
    public String getProviderVersion() {
        return PROVIDER_MAJOR + "." + PROVIDER_MINOR;
    }

    @Override
    public int getProviderMajorVersion() {
        return PROVIDER_MAJOR;
    }

    @Override
    public int getProviderMinorVersion() {
        return PROVIDER_MINOR;
    }

    @Override
    public Enumeration<String> getJMSXPropertyNames() {
        return Collections.enumeration(JMSX_PROPERTIES);
    }
}
