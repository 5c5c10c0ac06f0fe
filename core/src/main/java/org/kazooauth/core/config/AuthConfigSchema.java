package org.kazooauth.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.json.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kazoo's {@code account_config.crossbar.auth} schema: the auth modules, the typed fields of each module
 * ({@code auth_module_config}) and the code defaults ({@code ?DEFAULT_AUTH_CONFIG} of {@code crossbar_auth.erl}).
 */
public final class AuthConfigSchema {

    public static final String AUTH_MODULES = "auth_modules";
    public static final String MULTI_FACTOR = "multi_factor";

    public static final String USER_AUTH = "cb_user_auth";
    /**
     * The longest access token any module may ask for: 30 days. An account admin can set a module's lifetime, so
     * without a bound they could mint tokens that never expire (offline sessions may have no maximum).
     */
    public static final long MAX_TOKEN_AUTH_EXPIRY_S = 30L * 24 * 3600;
    public static final String API_AUTH = "cb_api_auth";
    public static final String TOKEN_REFRESH = "cb_auth";
    public static final String IP_AUTH = "cb_ip_auth";

    /** Every module, in Kazoo's order of {@code available_auth_methods}. */
    public static final List<String> MODULES = List.of(API_AUTH, TOKEN_REFRESH, IP_AUTH, USER_AUTH);

    private static final Map<String, LeafType> MODULE_FIELDS = moduleFields();

    private AuthConfigSchema() {
    }

    private static Map<String, LeafType> moduleFields() {
        Map<String, LeafType> fields = new LinkedHashMap<>();
        fields.put("enabled", LeafType.BOOLEAN);
        fields.put("token_auth_expiry_s", LeafType.INTEGER);
        fields.put("log_failed_attempts", LeafType.BOOLEAN);
        fields.put("log_successful_attempts", LeafType.BOOLEAN);
        fields.put(MULTI_FACTOR + ".enabled", LeafType.BOOLEAN);
        fields.put(MULTI_FACTOR + ".include_subaccounts", LeafType.BOOLEAN);
        fields.put(MULTI_FACTOR + ".account_id", LeafType.STRING);
        fields.put(MULTI_FACTOR + ".configuration_id", LeafType.STRING);
        return Map.copyOf(fields);
    }

    public static boolean isModule(String name) {
        return MODULES.contains(name);
    }

    /** The type of a field of a module, by its dotted path inside the module (e.g. {@code multi_factor.enabled}). */
    public static Optional<LeafType> fieldType(String dottedField) {
        return Optional.ofNullable(MODULE_FIELDS.get(dottedField));
    }

    /**
     * The code defaults, the bottom layer of every merge: each module enabled, tokens for an hour, failed attempts
     * logged, successful ones for {@code cb_user_auth} only. {@code cb_user_auth} also carries
     * {@code multi_factor.enabled: false}, as the system config Kazoo writes on first use shows (seed 002).
     */
    public static ObjectNode defaults() {
        ObjectNode modules = Json.object();
        for (String module : MODULES) {
            ObjectNode config = modules.putObject(module);
            config.put("enabled", true);
            config.put("token_auth_expiry_s", 3600);
            config.put("log_failed_attempts", true);
            config.put("log_successful_attempts", USER_AUTH.equals(module));
        }
        ((ObjectNode) modules.get(USER_AUTH)).putObject(MULTI_FACTOR).put("enabled", false);
        ObjectNode root = Json.object();
        root.set(AUTH_MODULES, modules);
        return root;
    }
}
