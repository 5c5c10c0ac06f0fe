package org.kazooauth.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.api.KazooPage;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.UserModel;

import java.util.Optional;

/**
 * {@code /v2/auth/links}: the caller's own SSO links, Keycloak's federated identities. A link's id is
 * {@code <provider>-<subject at the provider>}. {@code PUT /links/{id}} claims the pending link that
 * {@code auth/callback} answered with (its {@code X-Kazoo-Link-Id}), once, for the logged-in caller.
 */
public final class SsoLinksResource {

    private final KazooPipeline pipeline;

    SsoLinksResource(KazooPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        return pipeline.anyCaller(call -> {
            UserModel user = RealmUser.of(call);
            return Answer.page(KazooPage.of(call.kazoo().session().users()
                    .getFederatedIdentitiesStream(call.kazoo().realm(), user)
                    .map(link -> document(call.kazoo(), user, link)), call.paging()));
        });
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        return pipeline.anyCaller(call -> {
            UserModel user = RealmUser.of(call);
            return Answer.data(document(call.kazoo(), user, find(call.kazoo(), user, id)));
        });
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response claim(@PathParam("id") String id) {
        return pipeline.anyCaller(call -> {
            KazooRealm kazoo = call.kazoo();
            UserModel user = RealmUser.of(call);
            SsoLogin.Identity identity = SsoLogin.takePending(kazoo, id).orElseThrow(() ->
                    KazooException.badIdentifier(id, "no pending SSO link has this id: it is used, expired (after "
                            + "10 minutes) or was never made; sign in with the provider again"));
            IdentityProviderModel provider = SsoProviders.provider(kazoo, identity.provider());
            if (!SsoProviders.serves(kazoo, provider, kazoo.principals().accountOf(user))) {
                throw KazooException.forbidden("SSO app " + SsoProviders.clientId(provider) + " does not serve "
                        + "your account");
            }
            FederatedIdentityModel link = new FederatedIdentityModel(identity.provider(), identity.subject(),
                    identity.username());
            if (kazoo.session().users().getUserByFederatedIdentity(kazoo.realm(), link) != null) {
                throw KazooException.forbidden("this identity at " + identity.provider() + " is linked to a user "
                        + "already");
            }
            if (kazoo.session().users().getFederatedIdentity(kazoo.realm(), user, identity.provider()) != null) {
                throw KazooException.invalidData("you are linked to " + identity.provider() + " already: DELETE "
                        + "that link first");
            }
            kazoo.session().users().addFederatedIdentity(kazoo.realm(), user, link);
            return Answer.data(document(kazoo, user, link));
        });
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("id") String id) {
        return pipeline.anyCaller(call -> {
            UserModel user = RealmUser.of(call);
            FederatedIdentityModel link = find(call.kazoo(), user, id);
            call.kazoo().session().users().removeFederatedIdentity(call.kazoo().realm(), user,
                    link.getIdentityProvider());
            return Answer.data(document(call.kazoo(), user, link));
        });
    }

    private static FederatedIdentityModel find(KazooRealm kazoo, UserModel user, String id) {
        return kazoo.session().users().getFederatedIdentitiesStream(kazoo.realm(), user)
                .filter(link -> id(link).equals(id)).findFirst()
                .orElseThrow(() -> KazooException.badIdentifier(id, "you have no SSO link with this id"));
    }

    private static String id(FederatedIdentityModel link) {
        return link.getIdentityProvider() + "-" + link.getUserId();
    }

    /** Seed 003's link: the provider and app, the scopes the app asks for, and who the user is there. */
    private static ObjectNode document(KazooRealm kazoo, UserModel user, FederatedIdentityModel link) {
        ObjectNode document = Json.object();
        document.put("id", id(link));
        document.put("provider", link.getIdentityProvider());
        Optional<IdentityProviderModel> provider = Optional.ofNullable(kazoo.session().identityProviders()
                .getByAlias(link.getIdentityProvider()));
        provider.map(SsoProviders::clientId).ifPresent(app -> document.put("app", app));
        String scope = provider.map(p -> SsoProviders.oidc(p).getDefaultScope()).filter(s -> s != null && !s.isBlank()).orElse("openid");
        document.put("scope", scope);
        ArrayNode scopes = document.putArray("scopes");
        for (String each : scope.trim().split("\\s+")) {
            scopes.add(each);
        }
        document.put("display_name", link.getUserName());
        document.putObject("profile").put("username", link.getUserName()).put("subject", link.getUserId());
        if (user.getEmail() != null) {
            document.put("email", user.getEmail());
            document.put("verified_email", user.isEmailVerified());
        }
        return document;
    }

    /** Any other path below this one (one segment is an id here, so two or more): Kazoo's 404, not the server's bare one. */
    @Path("{unknown: [^/]+/.+}")
    public UnknownEndpoint unknown() {
        return new UnknownEndpoint(pipeline);
    }
}
