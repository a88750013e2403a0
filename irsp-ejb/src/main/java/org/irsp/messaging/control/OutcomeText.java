package org.irsp.messaging.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.irsp.messaging.control.DuplicateWindow.Outcome;
import org.irsp.push.control.PushText;
import org.irsp.push.entity.Push;

/**
 * A msgId's outcome as the data grid holds it: empty while pending, else "type retCode atMillis" and, on a
 * second line, the body the replay repeats ("J" and the JSON object, or "P" and a typed push as IRSP's
 * push text), so a node that did not see the first reply repeats it alike.
 */
final class OutcomeText {

    private OutcomeText() {}

    static String write(String type, int retCode, Object body, long atMillis) {
        String head = type + " " + retCode + " " + atMillis;
        if (body instanceof JsonObject json) {
            return head + "\nJ" + json;
        }
        if (body instanceof Push push) {
            return head + "\nP" + PushText.write(push);
        }
        return head;
    }

    static Outcome read(String text) {
        if (text.isEmpty()) {
            return new Outcome(null, 0, null, 0);
        }
        int newline = text.indexOf('\n');
        String[] head = (newline < 0 ? text : text.substring(0, newline)).split(" ");
        Object body = null;
        if (newline >= 0) {
            String b = text.substring(newline + 2);
            body = text.charAt(newline + 1) == 'J' ? Json.createReader(new StringReader(b)).readObject() : PushText.read(b);
        }
        return new Outcome(head[0], Integer.parseInt(head[1]), body, Long.parseLong(head[2]));
    }
}
