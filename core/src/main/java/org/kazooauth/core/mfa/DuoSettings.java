package org.kazooauth.core.mfa;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Optional;

/**
 * A {@code duo} provider config's settings as the Duo Universal Prompt uses them (Kazoo's names in brackets).
 *
 * @param integrationKey the Duo application's client id ({@code integration_key})
 * @param secretKey      its client secret ({@code secret_key}): write-only, never in {@link #toString()}
 * @param apiHostname    Duo's API host for the application ({@code api_hostname})
 * @param redirectUri    where Duo sends the user back ({@code redirect_uri}); empty: the pack's own page
 * @param stateLifetime  how long a hand-off to Duo may take ({@code duo_expire}: 300 s, at least a minute)
 */
public record DuoSettings(String integrationKey, String secretKey, String apiHostname, Optional<String> redirectUri,
                          Duration stateLifetime) {

    public static final Duration STATE_LIFETIME = Duration.ofSeconds(300);
    public static final Duration SHORTEST_STATE_LIFETIME = Duration.ofSeconds(60);

    /** From a {@code duo} provider config's settings, Kazoo's defaults where they say nothing. */
    public static DuoSettings of(JsonNode settings) {
        Duration lifetime = Duration.ofSeconds(settings.path("duo_expire").asLong(STATE_LIFETIME.toSeconds()));
        return new DuoSettings(settings.path("integration_key").asText(), settings.path("secret_key").asText(),
                settings.path("api_hostname").asText(),
                Optional.ofNullable(settings.get("redirect_uri")).map(JsonNode::asText).filter(uri -> !uri.isBlank()),
                lifetime.compareTo(SHORTEST_STATE_LIFETIME) < 0 ? SHORTEST_STATE_LIFETIME : lifetime);
    }

    @Override
    public String toString() {
        return "DuoSettings[integrationKey=" + integrationKey + ", apiHostname=" + apiHostname + ", redirectUri="
                + redirectUri + ", stateLifetime=" + stateLifetime + "]";
    }
}
