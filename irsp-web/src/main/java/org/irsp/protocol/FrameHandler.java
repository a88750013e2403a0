package org.irsp.protocol;

/** Step 11 of §6.5 for one frame type. Implementations are CDI beans, one per operation. */
public interface FrameHandler {

    /** The client frame type handled. */
    String type();

    /** The type of the reply, e.g. {@code PresenceSetResponse}; {@code Ack} for types answered with an Ack. */
    String replyType();

    /** The reply to send, or null for frames that get none (Ack, DataMessageResponse). */
    Reply handle(Connection connection, Envelope frame);
}
