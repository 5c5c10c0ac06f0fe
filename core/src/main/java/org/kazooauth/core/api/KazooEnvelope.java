package org.kazooauth.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.json.Json;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Kazoo's response envelopes (DESIGN §3). */
public final class KazooEnvelope {

    /**
     * What every envelope of one request carries.
     *
     * @param requestId 32 hex digits
     * @param timestamp when the request was answered
     * @param version   the pack's version
     * @param node      which server answered
     * @param authToken the token the caller presented, {@code null} when there was none
     */
    public record Meta(String requestId, Instant timestamp, String version, String node, String authToken) {
        public Meta {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(timestamp, "timestamp");
        }
    }

    private KazooEnvelope() {
    }

    public static ObjectNode success(JsonNode data, Meta meta) {
        ObjectNode envelope = Json.object();
        envelope.set("data", data);
        envelope.put("status", "success");
        return withMeta(envelope, meta);
    }

    /** A listing: the rows as {@code data}, with Kazoo's paging keys beside them. */
    public static ObjectNode success(KazooPage page, Meta meta) {
        ObjectNode envelope = Json.object();
        envelope.put("page_size", page.data().size());
        page.startKey().ifPresent(key -> envelope.put("start_key", key));
        page.nextStartKey().ifPresent(key -> envelope.put("next_start_key", key));
        envelope.set("data", page.data());
        envelope.put("status", "success");
        return withMeta(envelope, meta);
    }

    public static ObjectNode error(KazooException error, Meta meta) {
        ObjectNode envelope = Json.object();
        envelope.set("data", error.data());
        envelope.put("status", "error");
        envelope.put("error", Integer.toString(error.status()));
        envelope.put("message", error.kazooMessage());
        return withMeta(envelope, meta);
    }

    private static ObjectNode withMeta(ObjectNode envelope, Meta meta) {
        envelope.put("request_id", meta.requestId());
        envelope.put("timestamp", meta.timestamp().truncatedTo(ChronoUnit.SECONDS).toString());
        envelope.put("version", meta.version());
        envelope.put("node", meta.node());
        if (meta.authToken() != null) {
            envelope.put("auth_token", meta.authToken());
        }
        return envelope;
    }
}
