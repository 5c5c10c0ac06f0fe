package org.kazooauth.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.api.KazooPage;
import org.kazooauth.core.api.RequestIds;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.keycloak.mfa.ProviderConfigs;
import org.kazooauth.core.mfa.ProviderConfig;
import org.kazooauth.core.mfa.ProviderConfigValidator;
import org.kazooauth.core.mfa.ProviderKind;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /v2/multi_factor} (the system's provider configs, super admins only but for the listing) and
 * {@code /v2/accounts/{A}/multi_factor} (an account's): seed 001. Secrets are answered masked and a masked value
 * sent back keeps the stored secret.
 */
public final class MultiFactorResource {

    static final String MULTI_FACTOR = "multi_factor";

    private final KazooPipeline pipeline;
    /** The owning account; empty for the system's configs. */
    private final Optional<String> accountId;

    MultiFactorResource(KazooPipeline pipeline, Optional<String> accountId) {
        this.pipeline = pipeline;
        this.accountId = accountId;
    }

    /** System: the providers' summaries. Account: its configs and the system's ({@code configured}, ...). */
    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        if (accountId.isEmpty()) {
            return pipeline.anyCaller(call -> Answer.page(KazooPage.of(configs(call).list(Optional.empty()).stream()
                    .map(ProviderConfig::summary), call.paging())));
        }
        return pipeline.account(accountId.get(), Need.READ, call -> {
            ObjectNode data = Json.object();
            data.set("configured", summaries(configs(call).list(accountId)));
            data.set("multi_factor_providers", summaries(configs(call).list(Optional.empty())));
            return Answer.data(data);
        });
    }

    @PUT
    @Path("")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        return on(Need.MANAGE, call -> {
            ObjectNode data = RequestBody.data(body);
            data.remove("id");
            ProviderConfig config = ProviderConfigValidator.validate(data, Optional.empty(), RequestIds.generate(),
                    accountId);
            return configs(call).save(approved(call, data, config)).document();
        });
    }

    /** The account's second-factor attempts ({@code auth_type} {@code multi_factor}); the system keeps none. */
    @GET
    @Path("attempts")
    @Produces(MediaType.APPLICATION_JSON)
    public Response attempts() {
        return accountId.map(account -> pipeline.account(account, Need.READ,
                        call -> Answer.page(AttemptsEndpoint.page(call, Optional.of(MULTI_FACTOR)))))
                .orElseGet(this::noSystemAttempts);
    }

    @GET
    @Path("attempts/{attemptId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response attempt(@PathParam("attemptId") String attemptId) {
        return accountId.map(account -> pipeline.account(account, Need.READ,
                        call -> Answer.data(AttemptsEndpoint.one(call, attemptId, Optional.of(MULTI_FACTOR)))))
                .orElseGet(this::noSystemAttempts);
    }

    /** Login attempts belong to accounts, as in Kazoo, where each account's database holds its own. */
    private Response noSystemAttempts() {
        return pipeline.system(Need.READ, call -> {
            throw KazooException.notFound("login attempts are kept per account: GET "
                    + "v2/accounts/{ACCOUNT_ID}/multi_factor/attempts");
        });
    }

    /** One config: the account's readers, or super admins for the system's. */
    @GET
    @Path("{configId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response fetch(@PathParam("configId") String configId) {
        return on(accountId.isPresent() ? Need.READ : Need.MANAGE, call -> existing(call, configId).document());
    }

    @POST
    @Path("{configId}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("configId") String configId, String body) {
        return on(Need.MANAGE, call -> {
            ProviderConfig stored = existing(call, configId);
            ObjectNode data = RequestBody.data(body);
            ProviderConfig config = ProviderConfigValidator.validate(data, Optional.of(stored), configId, accountId);
            return configs(call).save(approved(call, data, config)).document();
        });
    }

    @PATCH
    @Path("{configId}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response patch(@PathParam("configId") String configId, String body) {
        return on(Need.MANAGE, call -> {
            ProviderConfig stored = existing(call, configId);
            ObjectNode data = RequestBody.data(body);
            ObjectNode merged = Json.merge(unmasked(stored), data);
            ProviderConfig config = ProviderConfigValidator.validate(merged, Optional.of(stored), configId, accountId);
            return configs(call).save(approved(call, data, config)).document();
        });
    }

    @DELETE
    @Path("{configId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response remove(@PathParam("configId") String configId) {
        return on(Need.MANAGE, call -> {
            ProviderConfig stored = existing(call, configId);
            if (!configs(call).delete(accountId, configId)) {
                throw KazooException.forbidden("the shipped system default provider cannot be removed; "
                        + "disable it instead (PATCH {\"data\": {\"enabled\": false}})");
            }
            return stored.document();
        });
    }

    /**
     * Tokens in place of passwords are a super admin's decision (DESIGN §4): anyone else asking for
     * {@code first_factor} gets 403, and anyone else's write of a config withdraws an approval it had, so an account
     * admin can never sign passwords with a secret of their own choosing.
     */
    private static ProviderConfig approved(Call call, ObjectNode request, ProviderConfig config) {
        if (call.caller().canManageSystem() || !config.settings().has(ProviderKind.FIRST_FACTOR)) {
            return config;
        }
        if (request.path("settings").path(ProviderKind.FIRST_FACTOR).asBoolean(false)) {
            throw KazooException.forbidden("only a super admin may let an hmac_totp config's tokens stand in for "
                    + "passwords (settings.first_factor)");
        }
        ObjectNode settings = config.settings().deepCopy();
        settings.remove(ProviderKind.FIRST_FACTOR);
        return new ProviderConfig(config.id(), config.ownerAccount(), config.name(), config.providerName(), config.enabled(),
                settings);
    }

    /** The account's need on the account, the system's on the system; the action answers a document. */
    private Response on(Need need, Function<Call, JsonNode> action) {
        Function<Call, Answer> document = action.andThen(Answer::data);
        return accountId.map(account -> pipeline.account(account, need, document))
                .orElseGet(() -> pipeline.system(need, document));
    }

    private ProviderConfig existing(Call call, String configId) {
        return configs(call).find(accountId, configId).orElseThrow(() -> KazooException.badIdentifier(configId,
                "multi-factor configuration not found"));
    }

    private static ProviderConfigs configs(Call call) {
        return call.kazoo().providerConfigs();
    }

    private static ArrayNode summaries(List<ProviderConfig> configs) {
        ArrayNode rows = Json.MAPPER.createArrayNode();
        configs.forEach(config -> rows.add(config.summary()));
        return rows;
    }

    /** The stored document with its secrets, to merge a PATCH onto. */
    private static ObjectNode unmasked(ProviderConfig config) {
        ObjectNode document = Json.object();
        document.put("name", config.name());
        document.put("provider_name", config.providerName());
        document.put("enabled", config.enabled());
        document.set("settings", config.settings());
        return document;
    }

    /** Any other path below this one (one segment is an id here, so two or more): Kazoo's 404, not the server's bare one. */
    @Path("{unknown: [^/]+/.+}")
    public UnknownEndpoint unknown() {
        return new UnknownEndpoint(pipeline);
    }
}
