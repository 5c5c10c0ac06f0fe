package org.kazooauth.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.api.PackInfo;
import org.kazooauth.core.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * The OpenAPI 3.1 description of the Kazoo API, {@code openapi.json} beside this class: every endpoint of both
 * mounts with the envelope, the error envelope and each {@code data} shape, the seeds' examples included. Served
 * with this server's URLs of the realm asked about and the pack's version.
 */
final class OpenApiDocument {

    static final String RESOURCE = "openapi.json";
    private static final JsonNode DOCUMENT = load();

    private OpenApiDocument() {
    }

    /** The description for {@code realm} on the server at {@code base} (Keycloak's base URL, ending in /). */
    static String forRealm(URI base, String realm) {
        ObjectNode document = DOCUMENT.deepCopy();
        document.with("info").put("version", PackInfo.VERSION);
        document.withArray("servers").forEach(server -> ((ObjectNode) server)
                .put("url", base.resolve(server.path("url").asText().substring(1).replace("{realm}", realm)).toString())
                .remove("variables"));
        return Json.write(document);
    }

    private static JsonNode load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the provider jar");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
