package org.kazooauth.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.kazooauth.core.api.ValidationErrors;

import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Kazoo's rule for pointing a module's {@code multi_factor} at a provider config ({@code cb_security}): a
 * {@code configuration_id} needs the {@code account_id} that owns it, and the caller must be allowed to use that
 * account's configs, and it must exist (Kazoo let a login through when it did not). Unlike Kazoo,
 * {@code include_subaccounts: false} does not lift the check.
 */
public final class MultiFactorOwnership {

    private MultiFactorOwnership() {
    }

    /**
     * Checks every module of the REQUEST (for a PATCH, the patch, not the merged result).
     *
     * @param mayUse whether the caller may use the provider configs of the account with this id; false for an id
     *               that names no account
     * @param exists whether that account (first) has a provider config with that id (second)
     */
    public static void check(JsonNode request, Predicate<String> mayUse, BiPredicate<String, String> exists) {
        ValidationErrors errors = new ValidationErrors();
        for (Map.Entry<String, JsonNode> module : request.path(AuthConfigSchema.AUTH_MODULES).properties()) {
            JsonNode multiFactor = module.getValue().path(AuthConfigSchema.MULTI_FACTOR);
            String configurationId = multiFactor.path("configuration_id").asText("");
            String accountId = multiFactor.path("account_id").asText("");
            String field = AuthConfigSchema.AUTH_MODULES + "." + module.getKey() + ".account_id";
            if (configurationId.isEmpty()) {
                continue;
            }
            if (accountId.isEmpty()) {
                errors.add(field, "required", "setting multi-factor configuration_id needs setting account_id",
                        null, null);
            } else if (!mayUse.test(accountId)) {
                errors.add(field, "required", "multi-factor account_id " + accountId + " is not in your account tree",
                        null, null);
            } else if (!exists.test(accountId, configurationId)) {
                errors.add(AuthConfigSchema.AUTH_MODULES + "." + module.getKey() + ".configuration_id", "not_found",
                        "account " + accountId + " has no multi-factor configuration " + configurationId, null, null);
            }
        }
        errors.throwIfAny();
    }
}
