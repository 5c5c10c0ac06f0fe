package org.kazooauth.core.mfa;

import org.kazooauth.core.config.LeafType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The multi-factor providers the pack knows, and the settings each takes: their types, which are required, which
 * are secrets (write-only: never answered, never logged).
 */
public enum ProviderKind {
    DUO("duo", Map.of(
            "integration_key", LeafType.STRING,
            "secret_key", LeafType.STRING,
            "api_hostname", LeafType.STRING,
            "application_secret_key", LeafType.STRING,
            "duo_expire", LeafType.INTEGER,
            "app_expire", LeafType.INTEGER,
            "redirect_uri", LeafType.STRING),
            Set.of("integration_key", "secret_key", "api_hostname"),
            Set.of("secret_key", "application_secret_key")),
    HMAC_TOTP("hmac_totp", Map.of(
            "token_secret", LeafType.STRING,
            "otp_seed", LeafType.STRING,
            "digits", LeafType.INTEGER,
            "interval", LeafType.INTEGER,
            "deviation", LeafType.INTEGER,
            "nonce_length", LeafType.INTEGER,
            "jid_pattern", LeafType.STRING,
            "first_factor", LeafType.BOOLEAN),
            Set.of("token_secret", "otp_seed"),
            Set.of("token_secret", "otp_seed"));

    /**
     * The {@code hmac_totp} setting that lets tokens stand in for passwords: only a super admin may set it, and any
     * write by someone else clears it (DESIGN §4).
     */
    public static final String FIRST_FACTOR = "first_factor";

    /** What secrets are answered with; sent back, it keeps the stored value. */
    public static final String MASK = "**********";

    private final String providerName;
    private final Map<String, LeafType> settings;
    private final Set<String> required;
    private final Set<String> secrets;

    ProviderKind(String providerName, Map<String, LeafType> settings, Set<String> required, Set<String> secrets) {
        this.providerName = providerName;
        this.settings = new LinkedHashMap<>(settings);
        this.required = required;
        this.secrets = secrets;
    }

    public String providerName() {
        return providerName;
    }

    public Map<String, LeafType> settings() {
        return Map.copyOf(settings);
    }

    public Set<String> required() {
        return required;
    }

    public boolean isSecret(String setting) {
        return secrets.contains(setting);
    }

    /**
     * Whether {@code setting} is a secret of any provider kind: a settings echo (an error naming a setting that does
     * not belong to the new kind, say) must not carry another kind's stored secret.
     */
    public static boolean isAnySecret(String setting) {
        for (ProviderKind kind : values()) {
            if (kind.isSecret(setting)) {
                return true;
            }
        }
        return false;
    }

    public static Optional<ProviderKind> named(String providerName) {
        for (ProviderKind kind : values()) {
            if (kind.providerName.equals(providerName)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public static List<String> names() {
        return List.of(DUO.providerName, HMAC_TOTP.providerName);
    }
}
