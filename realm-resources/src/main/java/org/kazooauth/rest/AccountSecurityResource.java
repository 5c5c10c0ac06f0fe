package org.kazooauth.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.account.Account;
import org.kazooauth.core.config.AuthConfigSchema;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.keycloak.KazooRealm;

import java.util.Iterator;

/** {@code /v2/accounts/{A}/security}: an account's auth config (seed 002, "Fetch All Configurations"). */
public final class AccountSecurityResource {

    static final String DEFAULT_PROVIDER_LABEL = "Default System Provider";

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
