package org.irsp.protocol;

import org.irsp.codes.RetCode;

/** PROTOCOL §6.8: WebSocket close codes. */
public enum CloseCode {
    LOGOUT(1000),
    SHUTDOWN(1001),
    SUBPROTOCOL(1002),
    BINARY_FRAME(1003),
    FRAME_TOO_BIG(1009),
    INTERNAL(1011),
    REPLACED(4001),
    HEARTBEAT_TIMEOUT(4002),
    KICKED(4003),
    BIND_INVALID(4400),
    BIND_UNAUTHORIZED(4401),
    NOT_BOUND(4405),
    BIND_TIMEOUT(4408),
    BIND_CONFLICT(4409),
    BIND_CONN_UNKNOWN(4481);

    private final int code;

    CloseCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** 4000 + retCode for a failed first bind (§6.8). */
    public static CloseCode forFailedBind(RetCode retCode) {
        return switch (retCode) {
            case BAD_REQUEST -> BIND_INVALID;
            case UNAUTHORIZED -> BIND_UNAUTHORIZED;
            case CONFLICT -> BIND_CONFLICT;
            case CONN_UNKNOWN -> BIND_CONN_UNKNOWN;
            default -> INTERNAL;
        };
    }
}
