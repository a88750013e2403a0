package org.irsp.protocol;

import java.util.Set;

/** §6.4: the frame types a client may send, and those exempt from duplicate detection (§6.6). */
final class FrameTypes {

    static final Set<String> FROM_CLIENT = Set.of(
            "ConnectionIdBindRequest", "Heartbeat", "PresenceSetRequest", "LogoutRequest",
            "DeviceAccessRightsConfigRequest", "DeviceAccessRightsQueryRequest", "RelationshipEstablishRequest",
            "RelationshipAcceptResponse", "RelationshipRejectResponse", "RelationshipWithdrawRequest",
            "RelationshipReleaseRequest", "RelationshipListRequest", "VerificationCodeModifyRequest",
            "DeviceVerificationCodeResetRequest", "DataMessage", "DataMessageResponse", "Ack", "P2PConnectRequest",
            "P2PConnectResponse", "P2PStatusReport", "SearchRequest", "StatusQueryRequest");

    static final Set<String> NOT_DEDUPLICATED = Set.of("Ack", "Heartbeat", "ConnectionIdBindRequest", "DataMessageResponse");

    /** Types whose envelope carries real targets; for all others targets, if present, must be [irsp]. */
    static final Set<String> ROUTED = Set.of("DataMessage", "DataMessageResponse", "Ack");

    private FrameTypes() {}
}
