package org.kazooauth.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.api.KazooException;

/**
 * Any path the API does not have. Authenticated first, like every endpoint, so anonymous callers learn nothing
 * about which paths exist.
 */
public final class UnknownEndpoint {

    private final KazooPipeline pipeline;

    UnknownEndpoint(KazooPipeline pipeline) {
        this.pipeline = pipeline;
    }

    private Response notFound() {
        return pipeline.anyCaller(call -> {
            throw KazooException.notFound("no Kazoo endpoint at '" + KazooPipeline.apiPath(call.kazoo().session()) + "'; the API lives under v2/, e.g. "
                    + "v2/security or v2/accounts/{ACCOUNT_ID}/security");
        });
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return notFound();
    }

    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    public Response put() {
        return notFound();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response post() {
        return notFound();
    }

    @PATCH
    @Produces(MediaType.APPLICATION_JSON)
    public Response patch() {
        return notFound();
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete() {
        return notFound();
    }
}
