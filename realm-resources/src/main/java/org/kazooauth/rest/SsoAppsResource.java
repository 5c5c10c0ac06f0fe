package org.kazooauth.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.account.Account;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.api.KazooPage;
import org.kazooauth.core.api.ValidationErrors;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.models.IdentityProviderModel;

import java.util.Optional;

/**
 * {@code /v2/auth/apps} and {@code /v2/accounts/{A}/auth/apps}: the SSO apps (identity providers' client
 * registrations) of an account's reseller. The account is, as seed 003 says, {@code ?account_id=}, else the path's,
 * else the caller's own. Changing or removing an app needs the right to manage
 * its reseller (the system's apps: super admins). The secret is write-only.
 */
public final class SsoAppsResource {

    private final KazooPipeline pipeline;
    /** The account of an {@code /accounts/{A}/auth/apps} path. */
    private final Optional<String> pathAccount;

    SsoAppsResource(KazooPipeline pipeline, Optional<String> pathAccount) {
        this.pipeline = pipeline;
        this.pathAccount = pathAccount;
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("account_id") String accountId) {
        return pipeline.anyCaller(call -> Answer.page(KazooPage.of(
                SsoProviders.apps(call.kazoo(), accountOf(call, orPath(accountId))).map(SsoProviders::appDocument),
                call.paging())));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id, @QueryParam("account_id") String accountId) {
        return pipeline.anyCaller(call -> Answer.data(SsoProviders.appDocument(
                SsoProviders.app(call.kazoo(), id, accountOf(call, orPath(accountId))))));
    }

    /** {@code secret} and {@code email}. */
    @POST
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("id") String id, @QueryParam("account_id") String accountId, String body) {
        return pipeline.anyCaller(call -> {
            ObjectNode data = RequestBody.data(body);
            OIDCIdentityProviderConfig app = SsoProviders.oidc(manageable(call, id, orPath(accountId)));
            ValidationErrors errors = new ValidationErrors();
            data.properties().forEach(field -> {
                switch (field.getKey()) {
                    case "secret", "email" -> {
                        if (!field.getValue().isTextual() || field.getValue().asText().isBlank()) {
                            errors.wrongType(field.getKey(), "string",
                                    field.getKey().equals("secret") ? null : field.getValue());
                        }
                    }
                    case "id", "client_id", "provider" -> {
                        if (!field.getValue().asText().equals(field.getKey().equals("provider") ? app.getAlias()
                                : SsoProviders.clientId(app))) {
                            errors.add(field.getKey(), "enum", "an app's " + field.getKey() + " cannot change",
                                    null, field.getValue());
                        }
                    }
                    default -> errors.notAllowed(field.getKey(), field.getValue());
                }
            });
            errors.throwIfAny();
            if (data.has("secret")) {
                app.setClientSecret(data.get("secret").asText());
            }
            if (data.has("email")) {
                app.getConfig().put(SsoProviders.EMAIL, data.get("email").asText());
            }
            call.kazoo().session().identityProviders().update(app);
            return Answer.data(SsoProviders.appDocument(app));
        });
    }

    /** The app goes with its identity provider, and every user's link to it. */
    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("id") String id, @QueryParam("account_id") String accountId) {
        return pipeline.anyCaller(call -> {
            IdentityProviderModel app = manageable(call, id, orPath(accountId));
            call.kazoo().session().identityProviders().remove(app.getAlias());
            return Answer.data(SsoProviders.appDocument(app));
        });
    }

    private String orPath(String accountId) {
        return accountId != null && !accountId.isBlank() ? accountId : pathAccount.orElse(null);
    }

    private static IdentityProviderModel manageable(Call call, String id, String accountId) {
        IdentityProviderModel app = SsoProviders.app(call.kazoo(), id, accountOf(call, accountId));
        Optional<Account> reseller = SsoProviders.owner(app).flatMap(owner -> call.kazoo().tree().find(owner));
        boolean allowed = call.caller().canManageSystem()
                || reseller.map(owner -> call.caller().canManage(owner)).orElse(false);
        if (!allowed) {
            throw KazooException.forbidden("only admins of the app's reseller"
                    + (reseller.isEmpty() ? " (the system: super admins)" : "") + " may change or remove it");
        }
        return app;
    }

    /** The account whose reseller's apps these are: {@code account_id} when the caller may read it, else the caller's. */
    private static Optional<Account> accountOf(Call call, String accountId) {
        KazooRealm kazoo = call.kazoo();
        if (accountId != null && !accountId.isBlank()) {
            return Optional.of(KazooPipeline.account(call.caller(), kazoo, accountId, Need.READ));
        }
        if (call.caller().canReadSystem()) {
            return Optional.empty();
        }
        return kazoo.principals().accountOf(RealmUser.of(call));
    }

    /** Any other path below this one (one segment is an id here, so two or more): Kazoo's 404, not the server's bare one. */
    @Path("{unknown: [^/]+/.+}")
    public UnknownEndpoint unknown() {
        return new UnknownEndpoint(pipeline);
    }
}
