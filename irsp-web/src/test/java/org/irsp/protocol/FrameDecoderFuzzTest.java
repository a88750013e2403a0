package org.irsp.protocol;

import org.irsp.codes.JsonInput;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Set;
import org.irsp.codes.IrspException;

/**
 * The WebSocket frame decoder (§6.5 steps 3–6) under arbitrary text: it decodes or refuses with 400, 413
 * or 505, never throws, and whatever it accepts, and the Ack it would send for what it refuses, can be
 * encoded. {@link #fuzzerTestOneInput} is the target of the fuzzing runs (docs/SECURITY.md).
 */
class FrameDecoderFuzzTest {

    private static final Set<Integer> REFUSALS = Set.of(400, 413, 505);

    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        FrameDecoder.Decoded d = FrameDecoder.decode(text, JsonInput.utf8Length(text), 4096);
        if (d.refusal() != null) {
            IrspException e = d.refusal();
            if (!REFUSALS.contains(e.retCode().code())) {
                throw new AssertionError("unexpected refusal " + e.retCode());
            }
            Encodable.require(Frames.error("Ack", d.respTo(), e, null));
            return;
        }
        if (!d.frame().msgId().matches("[\\x21-\\x7E]{1,64}") || d.frame().type().isEmpty()) {
            throw new AssertionError("accepted an invalid envelope: " + d.frame().msgId());
        }
        Encodable.require(d.frame().json().toString());
    }

    @FuzzTest
    void decodesOrRefusesEveryText(FuzzedDataProvider data) {
        fuzzerTestOneInput(data);
    }
}
