package org.irsp.nat.entity;

/**
 * An AddrProbe that reached a node other than the one holding its connection (§12.2, in a cluster): the
 * receiving node asks the holding node ({@link Kind#ASK}: the probe, where it came from and which node
 * asks), which alone knows the session's token; that node keeps the observation and gives back the answer
 * to send ({@link Kind#ANSWER}: the datagram's text and where it goes), and the asking node sends it from
 * the socket the probe reached, the address the client's NAT expects it from.
 */
public record ProbeCommand(Kind kind, String connId, String nonce, String ip, int port, String node, String answer) {

    public enum Kind { ASK, ANSWER }

    /** The JMS property that marks a message on a node's queue as a probe command, and holds its kind. */
    public static final String PROPERTY = "irspProbe";

    public static ProbeCommand ask(AddrProbe probe, String ip, int port, String askingNode) {
        return new ProbeCommand(Kind.ASK, probe.connId(), probe.nonce(), ip, port, askingNode, null);
    }

    public ProbeCommand answer(String text) {
        return new ProbeCommand(Kind.ANSWER, connId, nonce, ip, port, node, text);
    }

    public AddrProbe probe() {
        return new AddrProbe(connId, nonce);
    }
}
