package org.kazooauth.authn;

import org.kazooauth.core.duo.DuoOptions;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/**
 * The multi-factor step's options in the admin console: the Kazoo auth module, and how it talks to Duo
 * ({@link DuoOptions} reads them). Administrators' settings: account admins write provider configs, not these.
 */
final class MultiFactorStepConfig {

    static final List<ProviderConfigProperty> PROPERTIES = List.of(KazooStepConfig.AUTH_MODULE_PROPERTY,
            failMode(),
            new ProviderConfigProperty(DuoOptions.USERNAME_ATTRIBUTE, "Duo username attribute",
                    "The user attribute whose value is the user's Duo username. Empty, or empty for a user: the "
                            + "Keycloak username.", ProviderConfigProperty.STRING_TYPE, ""),
            new ProviderConfigProperty(DuoOptions.TIMEOUT_MILLIS, "Duo timeout (ms)",
                    "The longest one call to Duo (health check, code exchange) may take; past it Duo counts as "
                            + "unreachable.", ProviderConfigProperty.STRING_TYPE,
                    Integer.toString(DuoOptions.DEFAULT_TIMEOUT_MILLIS)),
            new ProviderConfigProperty(DuoOptions.HEALTH_CHECK_CACHE_SECONDS, "Duo health check cache (s)",
                    "How long each Keycloak node reuses Duo's last health check result before asking again; 0 "
                            + "asks before every hand-off.", ProviderConfigProperty.STRING_TYPE,
                    Integer.toString(DuoOptions.DEFAULT_HEALTH_CHECK_CACHE_SECONDS)),
            new ProviderConfigProperty(DuoOptions.CA_PINS, "Duo CA pins",
                    "Certificate pins (sha256/<base64>) of the CAs trusted for Duo's API host, instead of the ones "
                            + "the Duo SDK ships; for a TLS-inspecting proxy. The JVM must trust that CA too "
                            + "(Keycloak's truststore-paths). Empty: the SDK's pins.",
                    ProviderConfigProperty.MULTIVALUED_STRING_TYPE, null));

    private MultiFactorStepConfig() {
    }

    private static ProviderConfigProperty failMode() {
        ProviderConfigProperty property = new ProviderConfigProperty(DuoOptions.FAIL_MODE, "Duo fail mode",
                "When Duo's health check fails or times out: 'closed' refuses the login (the safe default); "
                        + "'open' lets it go on without the second factor, with a kazoo_multi_factor_failed_open "
                        + "event. A Duo that answers but does not approve always refuses.",
                ProviderConfigProperty.LIST_TYPE, DuoOptions.CLOSED);
        property.setOptions(List.of(DuoOptions.CLOSED, DuoOptions.OPEN));
        return property;
    }
}
