package org.kazooauth.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.keycloak.KazooMetrics;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * {@code /v2/accounts/{A}/security/login_lock}: whether the account's logins are locked, and lifting the lock
 * (seed 002), with seed 002's exact status words. Locked means the account's bucket, or one of its users' buckets
 * when the lock is per user, is empty.
 */
public final class LoginLockResource {

    static final String LOCKED = "account is locked";
    static final String NOT_LOCKED = "account is not locked";
    static final String UNLOCKED = "account is unlocked";
    static final String WAS_NOT_LOCKED = "account was not locked";

    private final KazooPipeline pipeline;
    private final String accountId;

    LoginLockResource(KazooPipeline pipeline, String accountId) {
        this.pipeline = pipeline;
        this.accountId = accountId;
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        return pipeline.account(accountId, Need.UNLOCK, call -> status(
                call.kazoo().loginLock().isLocked(call.account().id()) ? LOCKED : NOT_LOCKED));
    }

    /**
     * Fills the account's buckets again, so that partly spent ones start over too; the lifting of a lock is an
     * admin event, as Keycloak's own "clear user login failures" is.
     */
    @DELETE
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unlock() {
        return pipeline.account(accountId, Need.UNLOCK, call -> {
            if (!call.kazoo().loginLock().unlock(call.account().id())) {
                return status(WAS_NOT_LOCKED);
            }
            KazooRealm kazoo = call.kazoo();
            KeycloakSession session = kazoo.session();
            new AdminEventBuilder(kazoo.realm(), call.caller().adminAuth(), session, session.getContext().getConnection())
                    .operation(OperationType.DELETE)
                    .resource(ResourceType.USER_LOGIN_FAILURE)
                    .resourcePath(session.getContext().getUri())
                    .success();
            KazooMetrics.unlocked();
            return status(UNLOCKED);
        });
    }

    private static Answer status(String words) {
        return Answer.data(Json.object().put("status", words));
    }

    /** Any other path below this one: Kazoo's 404, not the server's bare one. */
    @Path("{unknown: .+}")
    public UnknownEndpoint unknown() {
        return new UnknownEndpoint(pipeline);
    }
}
