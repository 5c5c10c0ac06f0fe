package org.kazooauth.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.api.KazooPage;
import org.kazooauth.core.api.ValidationErrors;
import org.kazooauth.core.keycloak.KazooRealm;
import org.kazooauth.core.mfa.ProviderConfig;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.models.IdentityProviderModel;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code /v2/auth/providers}: the realm's identity providers ({@code provider_type oauth}) and the system's
 * multi-factor providers ({@code multi_factor}) for every caller; changes to identity providers for super admins.
 */
public final class SsoProvidersResource {

    /** What POST may change, and the identity provider config key each one is. */
    private static final Map<String, BiConsumer<OIDCIdentityProviderConfig, String>> CHANGEABLE_URLS = Map.of(
            "auth_url", OIDCIdentityProviderConfig::setAuthorizationUrl,
            "access_code_url", OIDCIdentityProviderConfig::setTokenUrl,
            "profile_url", OIDCIdentityProviderConfig::setUserInfoUrl);

    private final KazooPipeline pipeline;

    SsoProvidersResource(KazooPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        return pipeline.anyCaller(call -> Answer.page(KazooPage.of(Stream.concat(
                SsoProviders.all(call.kazoo()).map(SsoProviders::summary),
                call.kazoo().providerConfigs().list(Optional.empty()).stream().map(ProviderConfig::summary)),
                call.paging())));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        return pipeline.anyCaller(call -> {
            KazooRealm kazoo = call.kazoo();
            IdentityProviderModel provider = kazoo.session().identityProviders().getByAlias(id);
            if (provider != null) {
                return Answer.data(SsoProviders.document(provider));
            }
            // a system document is a super admin's (DESIGN §4); others see its summary, as /multi_factor lists it
            return kazoo.providerConfigs().find(Optional.empty(), id).map(config -> {
                ObjectNode document = call.caller().canManageSystem() ? config.document() : config.summary();
                document.put("provider_type", "multi_factor");
                return Answer.data(document);
            }).orElseThrow(() -> KazooException.badIdentifier(id, "no SSO or multi-factor provider has this id"));
        });
    }

    /** Super admins: {@code enabled}, {@code name} and the provider's endpoint URLs. */
    @POST
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("id") String id, String body) {
        return pipeline.system(Need.MANAGE, call -> {
            ObjectNode data = RequestBody.data(body);
            OIDCIdentityProviderConfig provider = SsoProviders.oidc(SsoProviders.provider(call.kazoo(), id));
            ValidationErrors errors = new ValidationErrors();
            data.properties().forEach(field -> {
                JsonNode value = field.getValue();
                boolean known = field.getKey().equals("enabled") || field.getKey().equals("name")
                        || field.getKey().equals("id") || CHANGEABLE_URLS.containsKey(field.getKey());
                if (!known) {
                    errors.notAllowed(field.getKey(), value);
                } else if (field.getKey().equals("enabled") ? !value.isBoolean() : !value.isTextual()) {
                    errors.wrongType(field.getKey(), field.getKey().equals("enabled") ? "boolean" : "string", value);
                } else if (CHANGEABLE_URLS.containsKey(field.getKey())
                        && SsoProviders.host(value.asText()).isEmpty()) {
                    errors.add(field.getKey(), "format", "must be an http(s) URL with a host", null, value);
                }
            });
            errors.throwIfAny();
            if (data.has("enabled")) {
                provider.setEnabled(data.get("enabled").asBoolean());
            }
            if (data.has("name")) {
                provider.setDisplayName(data.get("name").asText());
            }
            CHANGEABLE_URLS.forEach((field, setter) -> {
                if (data.has(field)) {
                    setter.accept(provider, data.get(field).asText());
                }
            });
            call.kazoo().session().identityProviders().update(provider);
            return Answer.data(SsoProviders.document(provider));
        });
    }

    /** Super admins: the identity provider goes, and with it every user's link to it. */
    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("id") String id) {
        return pipeline.system(Need.MANAGE, call -> {
            IdentityProviderModel provider = SsoProviders.provider(call.kazoo(), id);
            call.kazoo().session().identityProviders().remove(provider.getAlias());
            return Answer.data(SsoProviders.document(provider));
        });
    }

    /** Any other path below this one (one segment is an id here, so two or more): Kazoo's 404, not the server's bare one. */
    @Path("{unknown: [^/]+/.+}")
    public UnknownEndpoint unknown() {
        return new UnknownEndpoint(pipeline);
    }
}
