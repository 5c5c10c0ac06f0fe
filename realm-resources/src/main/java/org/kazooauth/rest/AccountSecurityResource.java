package org.kazooauth.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import org.kazooauth.core.api.KazooPage;
import org.kazooauth.core.attempt.AttemptQuery;
import org.kazooauth.core.attempt.LoginAttempt;
import org.kazooauth.core.attempt.LoginAttemptIds;
import org.kazooauth.core.attempt.LoginAttemptStore;
import org.kazooauth.core.config.AuthConfigSchema;
import org.kazooauth.core.config.AuthConfigValidator;
import org.kazooauth.core.config.MultiFactorOwnership;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.keycloak.KazooRealm;
import org.kazooauth.core.keycloak.jpa.JpaLoginAttemptStore;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
        return pipeline.forAccount(accountId, Need.READ, call -> {
            KazooRealm kazoo = call.kazoo();
            Account account = call.account();
            ObjectNode data = Json.object();
            data.set("account", withProviderNames(kazoo.accounts().accountConfig(account), kazoo));
            data.set("inherited_config", withProviderNames(kazoo.config().inherited(account), kazoo));
            return data;
        });
    }

    /** Replaces the account's config with the one sent (seed 002, "Change"). */
    @POST
    @Path("")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response replace(String body) {
        return pipeline.forAccount(accountId, Need.MANAGE, call -> {
            ObjectNode request = AuthConfigValidator.validate(RequestBody.data(body), AuthConfigValidator.Mode.REPLACE);
            return store(call, request, request);
        });
    }

    /** Deep-merges the fields sent into the account's config (seed 002, "Patch"). */
    @PATCH
    @Path("")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response patch(String body) {
        return pipeline.forAccount(accountId, Need.MANAGE, call -> {
            ObjectNode request = AuthConfigValidator.validate(RequestBody.data(body), AuthConfigValidator.Mode.PATCH);
            ObjectNode merged = Json.merge(call.kazoo().accounts().accountConfig(call.account()), request);
            return store(call, request, merged);
        });
    }

    /** Removes the account's config; it inherits everything again (seed 002, "Remove"). */
    @DELETE
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response remove() {
        return pipeline.forAccount(accountId, Need.MANAGE, call -> {
            ObjectNode existing = call.kazoo().accounts().accountConfig(call.account());
            if (existing.path(AuthConfigSchema.AUTH_MODULES).isEmpty()) {
                throw KazooException.badIdentifier(DOCUMENT_ID, "account does not have customize auth configuration");
            }
            call.kazoo().accounts().replaceAccountConfig(call.account(), Json.object());
            return document(existing, call.kazoo());
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
        return pipeline.forAccountPage(accountId, Need.READ, call -> {
            Map<String, String> parameters = new HashMap<>();
            call.kazoo().session().getContext().getUri().getQueryParameters()
                    .forEach((name, values) -> parameters.put(name, values.get(0)));
            AttemptQuery query = AttemptQuery.parse(parameters, Instant.now());
            List<LoginAttempt> found = attemptStore(call).list(call.account().id(), query);
            ArrayNode rows = Json.MAPPER.createArrayNode();
            found.stream().limit(query.pageSize()).map(LoginAttempt::summary).forEach(rows::add);
            Optional<String> next = found.size() > query.pageSize()
                    ? Optional.of(found.get(query.pageSize()).id()) : Optional.empty();
            return new KazooPage(rows, query.startKey(), next);
        });
    }

    /** One login attempt in full (seed 002, "Get a Login Attempt Details"). */
    @GET
    @Path("attempts/{attemptId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response attempt(@PathParam("attemptId") String attemptId) {
        return pipeline.forAccount(accountId, Need.READ, call -> (LoginAttemptIds.isValid(attemptId)
                ? attemptStore(call).find(call.account().id(), attemptId) : Optional.<LoginAttempt>empty())
                .map(LoginAttempt::detail)
                .orElseThrow(() -> KazooException.badIdentifier(attemptId, "login attempt not found")));
    }

    private static LoginAttemptStore attemptStore(Call call) {
        return JpaLoginAttemptStore.of(call.kazoo().session(), call.kazoo().realm());
    }

    /** Checks who the request points {@code multi_factor} at, stores {@code config}, answers with the stored doc. */
    private static JsonNode store(Call call, ObjectNode request, ObjectNode config) {
        MultiFactorOwnership.check(request, ownerId -> call.kazoo().tree().find(ownerId)
                .map(owner -> call.caller().canUseMultiFactorConfigOf(owner))
                .orElse(false));
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
     * block, naming the provider that block selects.
     */
    static ObjectNode withProviderNames(ObjectNode config, KazooRealm kazoo) {
        for (Iterator<JsonNode> modules = config.path(AuthConfigSchema.AUTH_MODULES).elements(); modules.hasNext(); ) {
            if (modules.next().get(AuthConfigSchema.MULTI_FACTOR) instanceof ObjectNode multiFactor) {
                // Account-owned provider configs arrive with the /multi_factor API; until then the system default.
                multiFactor.putObject("_read_only")
                        .put("name", DEFAULT_PROVIDER_LABEL)
                        .put("provider_name", kazoo.defaultMultiFactorProvider());
            }
        }
        return config;
    }
}
