package org.kazooauth.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.account.Account;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.config.AuthConfigSchema;
import org.kazooauth.core.config.AuthConfigValidator;
import org.kazooauth.core.config.MultiFactorOwnership;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.keycloak.KazooRealm;
import org.kazooauth.core.keycloak.mfa.ProviderConfigs;
import org.kazooauth.core.mfa.ProviderConfig;

import java.util.Iterator;
import java.util.Optional;

/** {@code /v2/accounts/{A}/security}: an account's own auth config (seed 002) and what it inherits. */
public final class AccountSecurityResource {

    static final String DEFAULT_PROVIDER_LABEL = "Default System Provider";
    /** The id of Kazoo's account config document, which clients see in responses. */
    static final String DOCUMENT_ID = "configs_crossbar.auth";

    private final KazooPipeline pipeline;
    private final String accountId;

    AccountSecurityResource(KazooPipeline pipeline, String accountId) {
        this.pipeline = pipeline;
        this.accountId = accountId;
    }

    /** The account's own config ({@code account}, {@code {}} when it has none) and what it inherits. */
    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response fetch() {
        return pipeline.account(accountId, Need.READ, call -> {
            KazooRealm kazoo = call.kazoo();
            Account account = call.account();
            ObjectNode data = Json.object();
            data.set("account", withProviderNames(kazoo.accounts().accountConfig(account), kazoo));
            data.set("inherited_config", withProviderNames(kazoo.config().inherited(account), kazoo));
            return Answer.data(data);
        });
    }

    /** Replaces the account's config with the one sent (seed 002, "Change"). */
    @POST
    @Path("")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response replace(String body) {
        return pipeline.account(accountId, Need.MANAGE, call -> {
            ObjectNode request = AuthConfigValidator.validate(RequestBody.data(body), AuthConfigValidator.Mode.REPLACE);
            return Answer.data(store(call, request, request));
        });
    }

    /** Deep-merges the fields sent into the account's config (seed 002, "Patch"). */
    @PATCH
    @Path("")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response patch(String body) {
        return pipeline.account(accountId, Need.MANAGE, call -> {
            ObjectNode request = AuthConfigValidator.validate(RequestBody.data(body), AuthConfigValidator.Mode.PATCH);
            ObjectNode merged = Json.merge(call.kazoo().accounts().accountConfig(call.account()), request);
            return Answer.data(store(call, request, merged));
        });
    }

    /** Removes the account's config; it inherits everything again (seed 002, "Remove"). */
    @DELETE
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response remove() {
        return pipeline.account(accountId, Need.MANAGE, call -> {
            ObjectNode existing = call.kazoo().accounts().accountConfig(call.account());
            if (existing.path(AuthConfigSchema.AUTH_MODULES).isEmpty()) {
                throw KazooException.badIdentifier(DOCUMENT_ID, "account does not have customize auth configuration");
            }
            call.kazoo().accounts().replaceAccountConfig(call.account(), Json.object());
            return Answer.data(document(existing, call.kazoo()));
        });
    }

    /**
     * The account's login attempts, newest first, paged Kazoo's way (seed 002, "Get a List of All Login Attempts").
     * Query: {@code created_from}, {@code created_to} (Gregorian seconds), {@code page_size}, {@code start_key}.
     */
    @GET
    @Path("attempts")
    @Produces(MediaType.APPLICATION_JSON)
    public Response attempts() {
        return pipeline.account(accountId, Need.READ,
                call -> Answer.page(AttemptsEndpoint.page(call, Optional.empty())));
    }

    /** One login attempt in full (seed 002, "Get a Login Attempt Details"). */
    @GET
    @Path("attempts/{attemptId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response attempt(@PathParam("attemptId") String attemptId) {
        return pipeline.account(accountId, Need.READ,
                call -> Answer.data(AttemptsEndpoint.one(call, attemptId, Optional.empty())));
    }

    /** The account's login lock (seed 002, "Lock account on multiple login failure"). */
    @Path("login_lock")
    public LoginLockResource loginLock() {
        return new LoginLockResource(pipeline, accountId);
    }

    /**
     * Checks who the request points {@code multi_factor} at, stores {@code config}, answers with the stored doc.
     * The check reads each module the request touches as it will be stored, so a PATCH of {@code account_id} alone
     * is checked against the {@code configuration_id} it keeps.
     */
    private static JsonNode store(Call call, ObjectNode request, ObjectNode config) {
        ProviderConfigs providers = call.kazoo().providerConfigs();
        ObjectNode written = Json.object();
        request.path(AuthConfigSchema.AUTH_MODULES).fieldNames().forEachRemaining(module -> written
                .withObjectProperty(AuthConfigSchema.AUTH_MODULES).set(module, config.path(AuthConfigSchema.AUTH_MODULES).path(module)));
        MultiFactorOwnership.check(written, ownerId -> call.kazoo().tree().find(ownerId)
                .map(owner -> call.caller().canUseMultiFactorConfigOf(owner))
                .orElse(false), (ownerId, configurationId) -> providers.find(Optional.of(ownerId), configurationId)
                .isPresent());
        call.kazoo().accounts().replaceAccountConfig(call.account(), config);
        return document(call.kazoo().accounts().accountConfig(call.account()), call.kazoo());
    }

    /** The account config as Kazoo's document: the config, {@code _read_only} names and Kazoo's doc id. */
    private static ObjectNode document(ObjectNode config, KazooRealm kazoo) {
        ObjectNode document = withProviderNames(config.deepCopy(), kazoo);
        document.put("id", DOCUMENT_ID);
        return document;
    }

    /**
     * Adds Kazoo's read-only {@code _read_only: {name, provider_name}} to every module's {@code multi_factor}
     * block: the provider config it names (its account's {@code configuration_id}), or Kazoo's label for the
     * system default provider.
     */
    static ObjectNode withProviderNames(ObjectNode config, KazooRealm kazoo) {
        for (Iterator<JsonNode> modules = config.path(AuthConfigSchema.AUTH_MODULES).elements(); modules.hasNext(); ) {
            if (modules.next().get(AuthConfigSchema.MULTI_FACTOR) instanceof ObjectNode multiFactor) {
                multiFactor.set("_read_only", selectedProvider(multiFactor, kazoo));
            }
        }
        return config;
    }

    private static ObjectNode selectedProvider(ObjectNode multiFactor, KazooRealm kazoo) {
        String owner = multiFactor.path("account_id").asText("");
        String configurationId = multiFactor.path("configuration_id").asText("");
        if (!owner.isEmpty() && !configurationId.isEmpty()) {
            Optional<ProviderConfig> selected = kazoo.providerConfigs().find(Optional.of(owner), configurationId);
            if (selected.isPresent()) {
                return selected.get().readOnly();
            }
        }
        ObjectNode fallback = Json.object();
        fallback.put("name", DEFAULT_PROVIDER_LABEL);
        fallback.put("provider_name", kazoo.defaultMultiFactorProvider());
        return fallback;
    }

    /** Any other path below this one: Kazoo's 404, not the server's bare one. */
    @Path("{unknown: .+}")
    public UnknownEndpoint unknown() {
        return new UnknownEndpoint(pipeline);
    }
}
