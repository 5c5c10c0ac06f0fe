package org.kazooauth.core.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.json.Json;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A multi-factor provider configuration (Kazoo's {@code multi_factor_provider} document), owned by an account or
 * by the system.
 *
 * @param id           Kazoo's id: 32 hex digits, or a name such as the shipped system default {@code duo}
 * @param ownerAccount the owning account's id, empty for a system config
 * @param name         a friendly name
 * @param providerName {@code duo} or {@code hmac_totp}
 * @param enabled      whether logins may use it
 * @param settings     the provider's settings, secrets included: never answered as they are
 */
public record ProviderConfig(String id, Optional<String> ownerAccount, String name, String providerName,
                             boolean enabled, ObjectNode settings) {

    /** Kazoo's shipped system default: {@code duo}, disabled, no settings ({@code providers/duo.json}). */
    public static final String SYSTEM_DEFAULT_ID = "duo";
    public static final String SYSTEM_DEFAULT_NAME = "System Default Provider";

    public ProviderConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerAccount, "ownerAccount");
        settings = settings.deepCopy();
    }

    public static ProviderConfig shippedSystemDefault() {
        return new ProviderConfig(SYSTEM_DEFAULT_ID, Optional.empty(), SYSTEM_DEFAULT_NAME, "duo", false,
                Json.object());
    }

    public Optional<ProviderKind> kind() {
        return ProviderKind.named(providerName);
    }

    /** The row of a listing: no settings at all. */
    public ObjectNode summary() {
        ObjectNode summary = Json.object();
        summary.put("id", id);
        summary.put("enabled", enabled);
        summary.put("name", name);
        summary.put("provider_name", providerName);
        summary.put("provider_type", "multi_factor");
        return summary;
    }

    /** The document as the API answers it: every secret masked. */
    public ObjectNode document() {
        ObjectNode document = Json.object();
        ObjectNode masked = document.putObject("settings");
        for (Map.Entry<String, JsonNode> setting : settings.properties()) {
            boolean secret = kind().map(k -> k.isSecret(setting.getKey())).orElse(true);
            masked.set(setting.getKey(), secret ? Json.MAPPER.getNodeFactory().textNode(ProviderKind.MASK)
                    : setting.getValue().deepCopy());
        }
        document.put("provider_name", providerName);
        document.put("name", name);
        document.put("enabled", enabled);
        document.put("id", id);
        return document;
    }

    /** {@code _read_only} of a module's {@code multi_factor} block in {@code /security}: name and provider. */
    public ObjectNode readOnly() {
        ObjectNode readOnly = Json.object();
        readOnly.put("name", name);
        readOnly.put("provider_name", providerName);
        return readOnly;
    }
}
