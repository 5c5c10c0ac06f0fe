package org.kazooauth.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.keycloak.KazooNames;
import org.keycloak.models.KeycloakSession;

import java.util.Optional;

/**
 * The Kazoo API's resource tree, mounted twice: at {@code /realms/{realm}/kazoo} for realm users and at
 * {@code /admin/realms/{realm}/kazoo} for Keycloak administrators. Only the {@link CallerAuthenticator} and the
 * {@link BrowserAccess} differ.
 */
public final class KazooRoot {

    private final KazooPipeline pipeline;

    public KazooRoot(KeycloakSession session, CallerAuthenticator authenticator, BrowserAccess browsers) {
        this.pipeline = new KazooPipeline(session, authenticator, browsers);
    }

    @Path("v2/security")
    public SecurityResource security() {
        return new SecurityResource(pipeline);
    }

    @Path("v2/accounts/{accountId}/security")
    public AccountSecurityResource accountSecurity(@PathParam("accountId") String accountId) {
        return new AccountSecurityResource(pipeline, accountId);
    }

    @Path("v2/user_auth")
    public UserAuthResource userAuth() {
        return new UserAuthResource(pipeline);
    }

    @Path("v2/auth")
    public AuthResource auth() {
        return new AuthResource(pipeline);
    }

    @Path("v2/accounts/{accountId}/auth")
    public AccountAuthResource accountAuth(@PathParam("accountId") String accountId) {
        return new AccountAuthResource(pipeline, accountId, Optional.empty());
    }

    @Path("v2/accounts/{accountId}/users/{userId}/auth")
    public AccountAuthResource userAuth(@PathParam("accountId") String accountId, @PathParam("userId") String userId) {
        return new AccountAuthResource(pipeline, accountId, Optional.of(userId));
    }

    @Path("v2/multi_factor")
    public MultiFactorResource systemMultiFactor() {
        return new MultiFactorResource(pipeline, Optional.empty());
    }

    @Path("v2/accounts/{accountId}/multi_factor")
    public MultiFactorResource accountMultiFactor(@PathParam("accountId") String accountId) {
        return new MultiFactorResource(pipeline, Optional.of(accountId));
    }

    /** Not Kazoo's: the OpenAPI description of this API, open to anyone (it holds no data). */
    @GET
    @Path("v2/openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response openApi() {
        return pipeline.anonymous(kazoo -> Answer.raw(MediaType.APPLICATION_JSON, OpenApiDocument.forRealm(
                kazoo.session().getContext().getUri().getBaseUri(), kazoo.realm().getName())));
    }

    /** Not Kazoo's: Duo's redirect for REST clients' users ({@link KazooNames#DUO_CALLBACK_PATH}). */
    @Path(KazooNames.DUO_CALLBACK)
    public DuoCallbackResource duoCallback() {
        return new DuoCallbackResource();
    }

    /** Every other path: a Kazoo 404 rather than the server's bare one. JAX-RS tries literal paths first. */
    @Path("{path: .*}")
    public UnknownEndpoint unknown() {
        return new UnknownEndpoint(pipeline);
    }
}
