package org.kazooauth.testing;

import org.kazooauth.testing.KazooHttp.Reply;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kazoo's envelopes (DESIGN §3), asserted on real replies. */
public final class KazooAssertions {

    private KazooAssertions() {
    }

    public static void assertSuccess(Reply reply, String callerToken) {
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("success", reply.at("/status").asText());
        assertMeta(reply);
        assertEquals(callerToken, reply.at("/auth_token").asText(), "the envelope echoes the caller's token");
    }

    public static void assertError(Reply reply, int status, String kazooMessage) {
        assertEquals(status, reply.status(), reply.toString());
        assertEquals("error", reply.at("/status").asText(), reply.toString());
        assertEquals(Integer.toString(status), reply.at("/error").asText());
        assertEquals(kazooMessage, reply.at("/message").asText(), reply.toString());
        assertTrue(reply.at("/data").isObject(), reply.toString());
        assertMeta(reply);
    }

    private static void assertMeta(Reply reply) {
        String requestId = reply.at("/request_id").asText();
        assertTrue(requestId.matches("[0-9a-f]{32}"), "request_id is 32 hex: " + requestId);
        assertEquals(requestId, reply.headers().firstValue("X-Request-ID").orElse(""));
        Instant.parse(reply.at("/timestamp").asText());
        assertTrue(reply.at("/timestamp").asText().endsWith("Z"), "UTC timestamp");
        assertFalse(reply.at("/version").asText().isEmpty());
        assertFalse(reply.at("/node").asText().isEmpty());
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }
}
