package org.kazooauth.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.api.KazooPage;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

import java.util.List;
import java.util.Optional;

/**
 * {@code /v2/auth} of seed 003 on Keycloak's keys, sessions and identity brokering: the token actions
 * ({@code refresh_token}, {@code reset_signature_secret}), the realm's signing keys, {@code tokeninfo}, and the
 * SSO endpoints. The mapping onto Keycloak is in the README.
 */
public final class AuthResource {

    static final String PEM = "application/x-pem-file";
    private static final String REFRESH = "refresh_token";
    private static final String RESET = "reset_signature_secret";
    private static final String RESET_KEY = "reset_private_key";

    private final KazooPipeline pipeline;

    AuthResource(KazooPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** {@code refresh_token} (any caller, for their own session) or {@code reset_signature_secret} (super admin). */
    @PUT
    @Path("")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response act(String body) {
        return pipeline.anyCaller(call -> {
            if (RequestBody.action(body, List.of(REFRESH, RESET)).equals(REFRESH)) {
                return Answer.login(Json.object(), TokenIssuer.refresh(call.kazoo(),
                        call.caller().adminAuth().getToken(), RealmUser.of(call)));
            }
            if (!call.caller().canManageSystem()) {
                throw KazooException.forbidden("only super admins may reset the system's signature secret");
            }
            SignatureResets.system(call.kazoo());
            return Answer.login(Json.object(), call.caller().authToken());
        });
    }

    @GET
    @Path("keys")
    @Produces(MediaType.APPLICATION_JSON)
    public Response keys() {
        return pipeline.anyCaller(call -> Answer.page(KazooPage.of(RealmKeys.signingKeys(call.kazoo()).stream()
                .map(key -> Json.MAPPER.getNodeFactory().textNode(key.getKid())))));
    }

    /** The public key: JSON {@code public_key_pem}, or the PEM itself for {@code Accept: application/x-pem-file}. */
    @GET
    @Path("keys/{keyId}")
    @Produces({MediaType.APPLICATION_JSON, PEM})
    public Response key(@PathParam("keyId") String keyId, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return pipeline.anyCaller(call -> {
            String pem = RealmKeys.pem(RealmKeys.find(call.kazoo(), keyId));
            return accept != null && accept.contains(PEM) ? Answer.raw(PEM, pem)
                    : Answer.data(Json.object().put("public_key_pem", pem));
        });
    }

    /** {@code reset_private_key} (super admin): a new signing key; every token signed so far stops verifying. */
    @PUT
    @Path("keys/{keyId}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response resetKey(@PathParam("keyId") String keyId, String body) {
        return pipeline.system(Need.MANAGE, call -> {
            RequestBody.action(body, List.of(RESET_KEY));
            RealmKeys.find(call.kazoo(), keyId);
            SignatureResets.system(call.kazoo());
            return Answer.data(Json.object());
        });
    }

    @GET
    @Path("tokeninfo")
    @Produces(MediaType.APPLICATION_JSON)
    public Response tokenInfo(@QueryParam("token") String token) {
        return pipeline.anonymous(kazoo -> tokenInfo(kazoo, token, "missing token in params"));
    }

    @POST
    @Path("tokeninfo")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response tokenInfoOfBody(String body) {
        return pipeline.anonymous(kazoo -> tokenInfo(kazoo, RequestBody.data(body).path("token").asText(null),
                "missing token in request"));
    }

    /** Kazoo answers a missing token with 404, an invalid one with 401. */
    private static Answer tokenInfo(KazooRealm kazoo, String token, String missing) {
        if (token == null || token.isBlank()) {
            throw KazooException.notFound(missing);
        }
        AuthResult result = RealmTokenAuthenticator.verify(kazoo.session(), kazoo, token);
        ObjectNode data = AuthResponse.of(kazoo, result.user());
        return Answer.login(data, token);
    }

    @Path("providers")
    public SsoProvidersResource providers() {
        return new SsoProvidersResource(pipeline);
    }

    @Path("apps")
    public SsoAppsResource apps() {
        return new SsoAppsResource(pipeline, Optional.empty());
    }

    @Path("links")
    public SsoLinksResource links() {
        return new SsoLinksResource(pipeline);
    }

    /**
     * The provider's code for the app: the linked user's token and auth response, or empty data and a pending
     * link id ({@code X-Kazoo-Link-Id}) when the identity is linked to nobody yet.
     */
    @PUT
    @Path("callback")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response callback(String body) {
        return pipeline.anonymous(kazoo -> {
            ObjectNode data = RequestBody.data(body);
            RequiredFields.check(data, "provider", "client_id", "code", "redirect_uri");
            IdentityProviderModel provider = SsoLogin.openIdProvider(kazoo, data.get("provider").asText(),
                    data.get("client_id").asText());
            return SsoLogin.answer(kazoo, provider, SsoLogin.fromCode(kazoo, provider, data.get("code").asText(),
                    data.get("redirect_uri").asText()));
        });
    }

    /** A foreign access token of the provider, checked at its userinfo endpoint, for the linked user's token. */
    @PUT
    @Path("authorize")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response authorize(String body) {
        return pipeline.anonymous(kazoo -> {
            ObjectNode data = RequestBody.data(body);
            RequiredFields.check(data, "provider", "token");
            IdentityProviderModel provider = SsoLogin.openIdProvider(kazoo, data.get("provider").asText(), null);
            return SsoLogin.answer(kazoo, provider, SsoLogin.fromAccessToken(kazoo, provider,
                    data.get("token").asText()));
        });
    }

    /** Any other path below this one: Kazoo's 404, not the server's bare one. */
    @Path("{unknown: .+}")
    public UnknownEndpoint unknown() {
        return new UnknownEndpoint(pipeline);
    }
}
