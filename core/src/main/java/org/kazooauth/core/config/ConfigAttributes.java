package org.kazooauth.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.json.Json;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Auth config stored as attributes, one per leaf, so it shows (and can be edited) in the admin console and
 * travels with realm export/import: {@code kazoo.auth_modules.cb_user_auth.multi_factor.enabled = true}.
 * The same keys on a group (account config) and on the realm (system config).
 */
public final class ConfigAttributes {

    public static final String PREFIX = "kazoo." + AuthConfigSchema.AUTH_MODULES + ".";

    private ConfigAttributes() {
    }

    /**
     * Reads the auth config out of attributes: {@code {"auth_modules": {...}}}, or {@code {}} when no attribute
     * holds any. Other attributes are ignored. An attribute with an unknown module or field, or a value of the
     * wrong type, is left out and reported to {@code problems}, so one typo cannot break logins.
     */
    public static ObjectNode decode(Map<String, String> attributes, Consumer<String> problems) {
        ObjectNode modules = Json.object();
        for (Map.Entry<String, String> attribute : new TreeMap<>(attributes).entrySet()) {
            String key = attribute.getKey();
            if (!key.startsWith(PREFIX) || attribute.getValue() == null) {
                continue;
            }
            String path = key.substring(PREFIX.length());
            int dot = path.indexOf('.');
            String module = dot < 0 ? path : path.substring(0, dot);
            Optional<LeafType> type = dot < 0 || !AuthConfigSchema.isModule(module)
                    ? Optional.empty() : AuthConfigSchema.fieldType(path.substring(dot + 1));
            if (type.isEmpty()) {
                problems.accept("attribute " + key + " is not a field of the auth config schema; ignored");
                continue;
            }
            Optional<JsonNode> value = type.get().parse(attribute.getValue());
            if (value.isEmpty()) {
                problems.accept("attribute " + key + " must be a " + type.get().schemaName() + ", not '"
                        + attribute.getValue() + "'; ignored");
                continue;
            }
            put(modules, path, value.get());
        }
        ObjectNode config = Json.object();
        if (!modules.isEmpty()) {
            config.set(AuthConfigSchema.AUTH_MODULES, modules);
        }
        return config;
    }

    /** Writes a (validated) auth config as attributes: the inverse of {@link #decode}. */
    public static Map<String, String> encode(ObjectNode config) {
        Map<String, String> attributes = new TreeMap<>();
        JsonNode modules = config.path(AuthConfigSchema.AUTH_MODULES);
        flatten(PREFIX.substring(0, PREFIX.length() - 1), modules, attributes);
        return attributes;
    }

    private static void put(ObjectNode root, String dottedPath, JsonNode value) {
        String[] parts = dottedPath.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (!node.isMissingNode() && !node.isNull()) {
            into.put(prefix, node.asText());
        }
    }
}
