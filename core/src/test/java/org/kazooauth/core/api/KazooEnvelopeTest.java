package org.kazooauth.core.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.kazooauth.core.json.Json;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KazooEnvelopeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T03:47:13.456Z");
    private static final String ID = "0123456789abcdef0123456789abcdef";

    @Test
    void successCarriesDataAndMeta() {
        ObjectNode data = Json.object().put("a", 1);
        ObjectNode envelope = KazooEnvelope.success(data, new KazooEnvelope.Meta(ID, NOW, "1.0", "bm9kZQ==", "tok"));

        assertEquals(List.of("data", "status", "request_id", "timestamp", "version", "node", "auth_token"),
                fieldNames(envelope));
        assertEquals("success", envelope.get("status").asText());
        assertEquals(data, envelope.get("data"));
        assertEquals("2026-11-23T03:47:13Z", envelope.get("timestamp").asText());
        assertEquals("tok", envelope.get("auth_token").asText());
    }

    @Test
    void errorCarriesTheCodeAsTextKazoosWordAndDetails() {
        KazooException invalid = assertThrows(KazooException.class, () -> new ValidationErrors()
                .add("auth_modules.cb_x", "not_found", "no such module", null, null).throwIfAny());
        ObjectNode envelope = KazooEnvelope.error(invalid, new KazooEnvelope.Meta(ID, NOW, "1.0", "n", null));

        assertEquals("error", envelope.get("status").asText());
        assertEquals("400", envelope.get("error").asText());
        assertEquals("validation failed", envelope.get("message").asText());
        assertEquals("no such module",
                envelope.at("/data/auth_modules.cb_x/not_found/message").asText());
        assertFalse(envelope.has("auth_token"), "no token, no auth_token");
    }

    @Test
    void badIdentifierNamesTheCause() {
        KazooException error = KazooException.badIdentifier("abc", "account does not exist");
        assertEquals(404, error.status());
        assertEquals("bad identifier", error.kazooMessage());
        assertEquals("account does not exist", error.data().get("cause").asText());
        assertEquals("abc", error.data().get("id").asText());
    }

    @Test
    void requestIdsAre32HexAndAValidClientIdIsKept() {
        String generated = RequestIds.generate();
        assertTrue(generated.matches("[0-9a-f]{32}"), generated);
        assertNotEquals(generated, RequestIds.generate());
        assertEquals(ID, RequestIds.accept(ID));
        assertNotEquals("not-hex", RequestIds.accept("not-hex"));
        assertTrue(RequestIds.accept(null).matches("[0-9a-f]{32}"));
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
