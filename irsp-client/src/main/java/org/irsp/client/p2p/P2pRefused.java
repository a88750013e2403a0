package org.irsp.client.p2p;

/** The IRSP answered a P2PConnectRequest with a retCode other than 200: 403 (declined or no right), 404, 408, 480. */
public final class P2pRefused extends RuntimeException {

    private final int retCode;

    P2pRefused(int retCode, String reason) {
        super(retCode + " " + reason);
        this.retCode = retCode;
    }

    public int retCode() {
        return retCode;
    }
}
