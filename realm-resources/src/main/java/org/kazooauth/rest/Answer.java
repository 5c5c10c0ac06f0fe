package org.kazooauth.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.api.KazooEnvelope;
import org.kazooauth.core.api.KazooHeaders;
import org.kazooauth.core.api.KazooPage;

import java.util.Map;

/**
 * What an endpoint answers when it succeeds, and how it goes out: in Kazoo's envelope, with the request id and the
 * token the caller came with (or the one a login issued), or as a body of its own.
 */
sealed interface Answer {

    /**
     * The HTTP response.
     *
     * @param callerToken the token the caller authenticated with, {@code null} for anonymous callers
     */
    Response render(String requestId, String callerToken);

    /** A document: the envelope's {@code data}. */
    record Data(JsonNode data) implements Answer {
        @Override
        public Response render(String requestId, String callerToken) {
            return KazooPipeline.respond(200, KazooEnvelope.success(data, KazooPipeline.meta(requestId, callerToken)),
                    requestId);
        }
    }

    /** A listing: the envelope's {@code data} array with its paging fields. */
    record Page(KazooPage page) implements Answer {
        @Override
        public Response render(String requestId, String callerToken) {
            return KazooPipeline.respond(200, KazooEnvelope.success(page, KazooPipeline.meta(requestId, callerToken)),
                    requestId);
        }
    }

    /**
     * What a login answers: its data, the token it issued (the envelope's {@code auth_token}, none when it issued
     * none) and response headers of its own.
     */
    record Login(JsonNode data, String authToken, Map<String, String> headers) implements Answer {
        @Override
        public Response render(String requestId, String callerToken) {
            Response.ResponseBuilder response = Response.fromResponse(KazooPipeline.respond(200,
                    KazooEnvelope.success(data, KazooPipeline.meta(requestId, authToken)), requestId));
            headers.forEach(response::header);
            return response.build();
        }
    }

    /** A body in a format of its own, such as a PEM key, outside the envelope. */
    record Raw(String mediaType, String body) implements Answer {
        @Override
        public Response render(String requestId, String callerToken) {
            return Response.ok(body, mediaType).header(KazooHeaders.REQUEST_ID, requestId).build();
        }
    }

    static Answer data(JsonNode data) {
        return new Data(data);
    }

    static Answer page(KazooPage page) {
        return new Page(page);
    }

    static Answer login(JsonNode data, String authToken) {
        return new Login(data, authToken, Map.of());
    }

    static Answer raw(String mediaType, String body) {
        return new Raw(mediaType, body);
    }
}
