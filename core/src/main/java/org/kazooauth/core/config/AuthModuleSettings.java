package org.kazooauth.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * One auth module's merged settings, typed. Built from the effective config, whose bottom layer already holds
 * the code defaults; a field missing anyway falls back to the same defaults.
 *
 * @param module                 the module's name, e.g. {@code cb_user_auth}
 * @param enabled                whether the module may log users in
 * @param tokenAuthExpirySeconds lifetime of the access tokens it issues
 * @param logFailedAttempts      record failed logins
 * @param logSuccessfulAttempts  record successful logins
 * @param multiFactor            the module's second-factor settings
 */
public record AuthModuleSettings(String module, boolean enabled, long tokenAuthExpirySeconds,
                                 boolean logFailedAttempts, boolean logSuccessfulAttempts,
                                 MultiFactorSettings multiFactor) {

    public static AuthModuleSettings of(ObjectNode effectiveConfig, String module) {
        if (!AuthConfigSchema.isModule(module)) {
            throw new IllegalArgumentException("unknown auth module " + module + "; one of " + AuthConfigSchema.MODULES);
        }
        JsonNode config = effectiveConfig.path(AuthConfigSchema.AUTH_MODULES).path(module);
        JsonNode defaults = AuthConfigSchema.defaults().path(AuthConfigSchema.AUTH_MODULES).path(module);
        JsonNode multiFactor = config.path(AuthConfigSchema.MULTI_FACTOR);
        return new AuthModuleSettings(module,
                config.path("enabled").asBoolean(defaults.path("enabled").asBoolean()),
                config.path("token_auth_expiry_s").asLong(defaults.path("token_auth_expiry_s").asLong()),
                config.path("log_failed_attempts").asBoolean(defaults.path("log_failed_attempts").asBoolean()),
                config.path("log_successful_attempts").asBoolean(defaults.path("log_successful_attempts").asBoolean()),
                new MultiFactorSettings(
                        multiFactor.path("enabled").asBoolean(false),
                        multiFactor.path("include_subaccounts").asBoolean(false),
                        text(multiFactor.path("account_id")),
                        text(multiFactor.path("configuration_id"))));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }
}
