package org.irsp.protocol;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** What every fuzz target checks of text IRSP would put on the wire: strict UTF-8 can encode it. */
final class Encodable {

    static void require(String frame) {
        try {
            StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(frame));
        } catch (CharacterCodingException e) {
            throw new AssertionError("IRSP would write text no WebSocket can carry: " + e, e);
        }
    }

    private Encodable() {}
}
