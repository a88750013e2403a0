package org.irsp.cli;

import picocli.CommandLine.IVersionProvider;

/** The version the jar was built as (its manifest), and the protocol it speaks. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Irsp.class.getPackage().getImplementationVersion();
        return new String[] {"irsp " + (v == null ? "(development build)" : v), "IGRS Remote Access, WebSocket subprotocol igrs-ra.v1.json"};
    }
}
