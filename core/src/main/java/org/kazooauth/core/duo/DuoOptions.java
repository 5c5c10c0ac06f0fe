package org.kazooauth.core.duo;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the multi-factor step talks to Duo: the administrator's options on the step's execution, kept apart from
 * the provider config (whose settings account admins write). Unparsable values fall back to their defaults, so a
 * typo never turns the second factor off.
 *
 * @param failOpen           let the login go on when Duo's health check fails (default: no, fail closed)
 * @param usernameAttribute  the user attribute holding the Duo username; empty: the Keycloak username
 * @param caPins             OkHttp pins ({@code sha256/<base64>}) of the CAs trusted for Duo; empty: the SDK's own
 * @param healthCheckCache   how long a health check's result is reused on this node
 * @param timeout            the longest one call to Duo may take before Duo counts as unreachable
 */
public record DuoOptions(boolean failOpen, Optional<String> usernameAttribute, List<String> caPins,
                         Duration healthCheckCache, Duration timeout) {

    public static final String FAIL_MODE = "duo_fail_mode";
    public static final String USERNAME_ATTRIBUTE = "duo_username_attribute";
    public static final String CA_PINS = "duo_ca_pins";
    public static final String HEALTH_CHECK_CACHE_SECONDS = "duo_health_check_cache_seconds";
    public static final String TIMEOUT_MILLIS = "duo_timeout_ms";

    public static final String CLOSED = "closed";
    public static final String OPEN = "open";
    public static final int DEFAULT_HEALTH_CHECK_CACHE_SECONDS = 10;
    public static final int DEFAULT_TIMEOUT_MILLIS = 5000;

    public DuoOptions {
        caPins = List.copyOf(caPins);
    }

    public static DuoOptions defaults() {
        return of(Map.of());
    }

    /** From an execution's config map; pins are separated by commas, spaces or Keycloak's {@code ##}. */
    public static DuoOptions of(Map<String, String> config) {
        String attribute = config.getOrDefault(USERNAME_ATTRIBUTE, "").trim();
        List<String> pins = Arrays.stream(config.getOrDefault(CA_PINS, "").split("##|[,\\s]+"))
                .map(String::trim).filter(pin -> pin.startsWith("sha256/") || pin.startsWith("sha1/")).toList();
        return new DuoOptions(OPEN.equals(config.get(FAIL_MODE)),
                attribute.isEmpty() ? Optional.empty() : Optional.of(attribute), pins,
                Duration.ofSeconds(number(config.get(HEALTH_CHECK_CACHE_SECONDS), DEFAULT_HEALTH_CHECK_CACHE_SECONDS, 0)),
                Duration.ofMillis(number(config.get(TIMEOUT_MILLIS), DEFAULT_TIMEOUT_MILLIS, 100)));
    }

    private static long number(String value, long fallback, long least) {
        try {
            long parsed = Long.parseLong(value == null ? "" : value.trim());
            return parsed >= least ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
