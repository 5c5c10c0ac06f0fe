package org.kazooauth.core.mfa;

import org.kazooauth.core.config.MultiFactorSettings;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Which provider config a required second factor uses, and what that means (seed 000 steps 3-5, Kazoo's
 * {@code kz_mfa_auth}): the account's config named by {@code account_id} + {@code configuration_id}, else the
 * system default provider. Stricter than Kazoo: a config that is named but missing, or unusable, fails closed
 * instead of letting the login through.
 */
public sealed interface MultiFactorChoice {

    /** No provider config at all: the login goes on, and a failed multi_factor attempt is logged (step 4). */
    record NoProvider(String defaultProvider) implements MultiFactorChoice {
    }

    /** The provider is disabled: 401 (step 5). */
    record Disabled(ProviderConfig config) implements MultiFactorChoice {
    }

    /** The config is missing or unusable: fail closed, tell the admins. */
    record Broken(String reason) implements MultiFactorChoice {
    }

    /** The second factor runs with this config. */
    record Ready(ProviderConfig config) implements MultiFactorChoice {
    }

    /**
     * @param find            a config by owner (empty: the system) and id
     * @param defaultProvider the system default provider's id ({@code kazoo.auth.default_multi_factor_provider})
     */
    static MultiFactorChoice choose(MultiFactorSettings settings,
                                    BiFunction<Optional<String>, String, Optional<ProviderConfig>> find,
                                    String defaultProvider) {
        Optional<ProviderConfig> config;
        if (settings.accountId().isPresent() && settings.configurationId().isPresent()) {
            config = find.apply(settings.accountId(), settings.configurationId().get());
            if (config.isEmpty()) {
                return new Broken("multi-factor configuration " + settings.configurationId().get() + " of account "
                        + settings.accountId().get() + " does not exist");
            }
        } else {
            config = find.apply(Optional.empty(), defaultProvider);
            if (config.isEmpty()) {
                return new NoProvider(defaultProvider);
            }
        }
        ProviderConfig chosen = config.get();
        if (!chosen.enabled()) {
            return new Disabled(chosen);
        }
        if (chosen.kind().isEmpty()) {
            return new Broken("multi-factor configuration " + chosen.id() + " names unknown provider "
                    + chosen.providerName());
        }
        List<String> missing = chosen.kind().get().required().stream()
                .filter(required -> !chosen.settings().hasNonNull(required)).sorted().toList();
        if (!missing.isEmpty()) {
            return new Broken("multi-factor configuration " + chosen.id() + " lacks settings " + missing);
        }
        return new Ready(chosen);
    }
}
