package org.irsp.codes;

/** PROTOCOL §19 and §5.3: every RetCode with the HTTP status it maps to. The one table of both. */
public enum RetCode {
    OK(200, 200),
    ACCEPTED(202, 202),
    BAD_REQUEST(400, 400),
    UNAUTHORIZED(401, 401),
    FORBIDDEN(403, 403),
    NOT_FOUND(404, 404),
    METHOD_NOT_ALLOWED(405, 405),
    TIMEOUT(408, 504),
    CONFLICT(409, 409),
    GONE(410, 410),
    TOO_LARGE(413, 413),
    ID_SYNTAX(421, 422),
    POLICY(422, 422),
    DEVICE_INVALID(423, 422),
    CODE_FORMAT(424, 422),
    RATE_LIMITED(429, 429),
    OFFLINE(480, 409),
    CONN_UNKNOWN(481, 422),
    QUEUE_FULL(486, 409),
    INTERNAL(500, 500),
    UNAVAILABLE(503, 503),
    VERSION(505, 505);

    private final int code;
    private final int httpStatus;

    RetCode(int code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public static RetCode of(int code) {
        for (RetCode r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new IllegalArgumentException("no RetCode " + code);
    }
}
