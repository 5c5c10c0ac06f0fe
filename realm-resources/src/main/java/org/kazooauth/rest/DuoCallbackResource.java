package org.kazooauth.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.duo.DuoResponse;
import org.kazooauth.core.json.Json;

/**
 * Where Duo sends the user of a REST client back to when the Duo config names no {@code redirect_uri} of its own:
 * it shows Duo's answer as the {@code multi_factor_response} the client repeats its login with. It checks
 * nothing; the login does, once.
 */
public final class DuoCallbackResource {

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response show(@QueryParam(DuoResponse.DUO_CODE) String duoCode, @QueryParam(DuoResponse.STATE) String state,
                         @QueryParam(DuoResponse.ERROR) String error) {
        if (state == null || (duoCode == null && error == null)) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Json.write(Json.object().put("message", "Duo's answer needs 'state' and 'duo_code' "
                            + "(or 'error'): open this page only through Duo's redirect"))).build();
        }
        ObjectNode body = Json.object();
        body.putObject("data").set("multi_factor_response", Json.read(DuoResponse.of(duoCode, state, error)));
        return Response.ok(Json.write(body)).header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
