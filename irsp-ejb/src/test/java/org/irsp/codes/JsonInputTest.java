package org.irsp.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonInputTest {

    private static String refusedField(String text) {
        IrspException e = assertThrows(IrspException.class, () -> JsonInput.read(text, 65536));
        assertEquals(RetCode.BAD_REQUEST, e.retCode());
        return (String) e.details().get("field");
    }

    /** A lone surrogate anywhere is named by its path; a proper pair is fine. */
    @Test
    void loneSurrogatesAreRefusedByPathAndPairsAccepted() {
        assertEquals("body.text", refusedField("{\"body\":{\"text\":\"a\\ud800\"}}"));
        assertEquals("targets[1].id", refusedField("{\"targets\":[{\"id\":\"x\"},{\"id\":\"\\udc00\"}]}"));
        assertEquals("body.\uFFFD", refusedField("{\"body\":{\"\\ud800\":1}}"));
        assertEquals("msgId", refusedField("{\"msgId\":\"\ud800\"}"));
        assertEquals("😀", JsonInput.read("{\"t\":\"\\ud83d\\ude00\"}", 100).getString("t"));
    }

    /** Depth is IRSP's limit, not the parser's: 64 levels pass, 65 and 100,000 are a 400 on the whole text. */
    @Test
    void nestingIsLimitedTo64Levels() {
        String ok = "{\"a\":" + "[".repeat(63) + "]".repeat(63) + "}";
        JsonInput.read(ok, Long.MAX_VALUE);
        assertEquals("$", refusedField("{\"a\":" + "[".repeat(64) + "]".repeat(64) + "}"));
        assertEquals("$", assertThrows(IrspException.class, () -> JsonInput.parseObject("[".repeat(100_000))).details().get("field"));
    }

    /** Brackets inside strings, escaped quotes included, do not count. */
    @Test
    void bracketsInStringsAreNotNesting() {
        JsonInput.read("{\"a\":\"" + "[{".repeat(200) + "\\\"" + "\"}", Long.MAX_VALUE);
    }

    @Test
    void sizeIsCountedInUtf8Bytes() {
        assertEquals(RetCode.TOO_LARGE, assertThrows(IrspException.class, () -> JsonInput.read("{\"a\":\"ééé\"}", 12)).retCode());
        JsonInput.read("{\"a\":\"ééé\"}", 14);
        assertEquals(4, JsonInput.utf8Length("😀"));
        assertEquals(1, JsonInput.utf8Length("\ud800"));
    }

    @Test
    void anythingButOneObjectIsA400OnTheWholeText() {
        for (String bad : new String[] {"", "[]", "1", "{", "{\"a\":1}x", "nul", "{\"a\":1e99999999999}"}) {
            IrspException e = assertThrows(IrspException.class, () -> JsonInput.parseObject(bad), bad);
            assertEquals("$", e.details().get("field"), bad);
        }
        String pair = "{\"a\":[\"\\ud83d\\ude00\"]}";
        JsonInput.requireWellFormed(pair, JsonInput.parseObject(pair));
        String lone = "{\"a\":[\"\\ud800\"]}";
        assertThrows(IrspException.class, () -> JsonInput.requireWellFormed(lone, JsonInput.parseObject(lone)));
    }
}
