package org.kazooauth.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.config.AuthConfigSchema;
import org.kazooauth.core.json.Json;

/** {@code /v2/security}: the auth modules an account can configure (seed 002, "Get a List of Available Auth Module"). */
public final class SecurityResource {

    private final KazooPipeline pipeline;

    SecurityResource(KazooPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * Answers under both names in use: {@code available_auth_modules} (the seed's and Kazoo's docs) and
     * {@code available_auth_methods} (Kazoo's code).
     */
    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response availableModules() {
        return pipeline.anyCaller(call -> {
            ArrayNode modules = Json.MAPPER.createArrayNode();
            AuthConfigSchema.MODULES.forEach(modules::add);
            ObjectNode data = Json.object();
            data.set("available_auth_modules", modules);
            data.set("available_auth_methods", modules.deepCopy());
            return Answer.data(data);
        });
    }

    /** Any other path below this one: Kazoo's 404, not the server's bare one. */
    @Path("{unknown: .+}")
    public UnknownEndpoint unknown() {
        return new UnknownEndpoint(pipeline);
    }
}
