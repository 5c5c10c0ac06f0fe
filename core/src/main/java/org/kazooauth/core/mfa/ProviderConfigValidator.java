package org.kazooauth.core.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.api.ValidationErrors;
import org.kazooauth.core.config.LeafType;
import org.kazooauth.core.duo.DuoHosts;
import org.kazooauth.core.hmac.HmacTokenSettings;
import org.kazooauth.core.json.Json;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Validates a provider config against Kazoo's {@code multi_factor_provider} schema ({@code provider_name} required,
 * {@code name} defaulting to it as seed 000's body has none, {@code provider_type} {@code multi_factor} if sent,
 * {@code enabled} default true) and the provider's own settings. A secret sent
 * back as {@link ProviderKind#MASK} keeps the stored value.
 */
public final class ProviderConfigValidator {

    /** A whole number's allowed range. */
    private record LongRange(long min, long max) {
        boolean contains(long value) {
            return value >= min && value <= max;
        }
    }

    /**
     * The {@code hmac_totp} numbers a token check can work with (see {@link HmacTokenSettings}); refused on write,
     * so no login ever meets one.
     */
    /** What Keycloak's component tables hold: a name of 255 characters, a setting of 4,000. */
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_SETTING_LENGTH = 4000;

    private static final Map<String, LongRange> HMAC_RANGES = Map.of("digits", new LongRange(6, 10),
            "interval", new LongRange(1, 300), "deviation", new LongRange(0, 10), "nonce_length", new LongRange(0, 64));

    private ProviderConfigValidator() {
    }

    /**
     * @param data     the request's {@code data}; for a PATCH, already merged onto the stored document
     * @param stored   the config being replaced, for masked secrets
     * @param id       the config's Kazoo id
     * @param owner    the owning account, empty for the system
     */
    public static ProviderConfig validate(ObjectNode data, Optional<ProviderConfig> stored, String id,
                                          Optional<String> owner) {
        ValidationErrors errors = new ValidationErrors();
        for (Iterator<String> names = data.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Map.of("name", 1, "provider_name", 1, "enabled", 1, "settings", 1, "id", 1, "provider_type", 1)
                    .containsKey(name)) {
                errors.notAllowed(name, data.get(name));
            }
        }
        JsonNode providerType = data.path("provider_type");
        if (!providerType.isMissingNode() && !"multi_factor".equals(providerType.asText())) {
            errors.add("provider_type", "enum", "Value not found in enumerated list of values",
                    Json.MAPPER.createArrayNode().add("multi_factor"), providerType);
        }
        // seed 000's body has no name: Kazoo stored it without one; here it is named after its provider
        if (!data.has("name") && ProviderKind.named(data.path("provider_name").asText("")).isPresent()) {
            data.put("name", data.get("provider_name").asText());
        }
        String name = text(data, "name", errors);
        String providerName = text(data, "provider_name", errors);
        JsonNode enabled = data.path("enabled");
        if (!enabled.isMissingNode() && !enabled.isBoolean()) {
            errors.wrongType("enabled", "boolean", enabled);
        }
        JsonNode settings = data.path("settings");
        if (!settings.isMissingNode() && !settings.isObject()) {
            errors.wrongType("settings", "object", settings);
        }
        Optional<ProviderKind> kind = ProviderKind.named(providerName == null ? "" : providerName);
        if (providerName != null && kind.isEmpty()) {
            errors.add("provider_name", "enum", "Value not found in enumerated list of values",
                    Json.MAPPER.valueToTree(ProviderKind.names()), data.get("provider_name"));
        }
        ObjectNode cleanSettings = Json.object();
        if (kind.isPresent() && settings.isObject()) {
            cleanSettings = settings(kind.get(), (ObjectNode) settings, stored, errors);
        } else if (kind.isPresent() && settings.isMissingNode()) {
            kind.get().required().forEach(required -> errors.required("settings." + required));
        }
        errors.throwIfAny();
        return new ProviderConfig(id, owner, name, providerName, enabled.asBoolean(true), cleanSettings);
    }

    private static ObjectNode settings(ProviderKind kind, ObjectNode settings, Optional<ProviderConfig> stored,
                                       ValidationErrors errors) {
        ObjectNode clean = Json.object();
        for (Map.Entry<String, JsonNode> setting : settings.properties()) {
            String field = "settings." + setting.getKey();
            LeafType type = kind.settings().get(setting.getKey());
            JsonNode value = setting.getValue();
            boolean secret = ProviderKind.isAnySecret(setting.getKey());
            if (type == null) {
                errors.notAllowed(field, secret ? null : value);
            } else if (kind.isSecret(setting.getKey()) && ProviderKind.MASK.equals(value.asText())) {
                JsonNode kept = stored.filter(s -> s.providerName().equals(kind.providerName()))
                        .map(s -> s.settings().get(setting.getKey())).orElse(null);
                if (kept == null) {
                    errors.add(field, "required", "the masked value can only keep a stored secret; send the secret",
                            null, null);
                } else {
                    clean.set(setting.getKey(), kept);
                }
            } else if (!type.accepts(value) || (value.isTextual() && value.asText().isBlank())) {
                errors.wrongType(field, type.schemaName(), secret ? null : value);
            } else if (value.isTextual() && value.asText().length() > MAX_SETTING_LENGTH) {
                tooLong(errors, field, MAX_SETTING_LENGTH, secret ? null : value);
            } else if (value.isIntegralNumber() && value.asLong() < 0) {
                errors.belowMinimum(field, 0, value);
            } else if (kind == ProviderKind.HMAC_TOTP && HMAC_RANGES.containsKey(setting.getKey())
                    && !HMAC_RANGES.get(setting.getKey()).contains(value.asLong())) {
                LongRange range = HMAC_RANGES.get(setting.getKey());
                errors.add(field, "range", "must be from " + range.min() + " to " + range.max(), null, value);
            } else if (kind == ProviderKind.DUO && setting.getKey().equals("api_hostname")
                    && !DuoHosts.isHostName(value.asText())) {
                errors.add(field, "pattern", "must be " + DuoHosts.RULE, null, value);
            } else {
                clean.set(setting.getKey(), value);
            }
        }
        for (String required : kind.required()) {
            if (!settings.has(required)) {
                errors.required("settings." + required);
            }
        }
        return clean;
    }

    private static String text(ObjectNode data, String field, ValidationErrors errors) {
        JsonNode value = data.get(field);
        if (value == null) {
            errors.required(field);
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            errors.wrongType(field, "string", value);
            return null;
        }
        if (value.asText().length() > MAX_NAME_LENGTH) {
            tooLong(errors, field, MAX_NAME_LENGTH, value);
            return null;
        }
        return value.asText();
    }

    /** Kazoo's {@code maxLength} error, never echoing a secret. */
    private static void tooLong(ValidationErrors errors, String field, int max, JsonNode value) {
        errors.add(field, "maxLength", "String must not be more than " + max + " characters",
                Json.MAPPER.getNodeFactory().numberNode(max), value);
    }
}
