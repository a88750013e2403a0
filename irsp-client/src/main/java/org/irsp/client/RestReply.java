package org.irsp.client;

import jakarta.json.JsonObject;
import java.net.http.HttpHeaders;

/** An HTTP status, the JSON body IRSP always returns, and the headers. */
public record RestReply(int status, JsonObject body, HttpHeaders headers) {

    public int retCode() {
        return body.getInt("retCode");
    }

    public String detail(String key) {
        JsonObject details = body.getJsonObject("details");
        return details == null || !details.containsKey(key) ? null : details.get(key).toString().replace("\"", "");
    }
}
