package org.kazooauth.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.api.ValidationErrors;
import org.kazooauth.core.json.Json;

import java.util.Map;
import java.util.Optional;

/**
 * Validates an account's {@code crossbar.auth} config against Kazoo's schema ({@code account_config.crossbar.auth}
 * and {@code auth_module_config}): known modules and fields only, each of its type, {@code token_auth_expiry_s}
 * at least 1. Unlike Kazoo, no default is filled in: {@code {}} is an error, not a silent copy of every default
 * that would then override the parents (Kazoo's {@code use_defaults} bug).
 * <p>
 * What the API itself returns may be sent back: the top-level {@code id} and {@code multi_factor._read_only}
 * are dropped, not rejected.
 */
public final class AuthConfigValidator {

    static final String ID = "id";
    static final String READ_ONLY = "_read_only";

    /** Whether the whole config is sent (POST) or only the part to merge into it (PATCH). */
    public enum Mode {
        REPLACE,
        PATCH
    }

    private AuthConfigValidator() {
    }

    /** The config to store, {@code {"auth_modules": {...}}}; every problem at once as a 400 otherwise. */
    public static ObjectNode validate(ObjectNode data, Mode mode) {
        ValidationErrors errors = new ValidationErrors();
        ObjectNode clean = Json.object();
        for (Map.Entry<String, JsonNode> field : data.properties()) {
            if (!field.getKey().equals(AuthConfigSchema.AUTH_MODULES) && !field.getKey().equals(ID)) {
                errors.notAllowed(field.getKey(), field.getValue());
            }
        }
        JsonNode modules = data.get(AuthConfigSchema.AUTH_MODULES);
        if (modules == null) {
            if (mode == Mode.REPLACE) {
                errors.required(AuthConfigSchema.AUTH_MODULES);
            }
        } else if (!modules.isObject()) {
            errors.wrongType(AuthConfigSchema.AUTH_MODULES, "object", modules);
        } else {
            clean.set(AuthConfigSchema.AUTH_MODULES, modules((ObjectNode) modules, errors));
        }
        errors.throwIfAny();
        return clean;
    }

    private static ObjectNode modules(ObjectNode modules, ValidationErrors errors) {
        ObjectNode clean = Json.object();
        for (Map.Entry<String, JsonNode> module : modules.properties()) {
            String path = AuthConfigSchema.AUTH_MODULES + "." + module.getKey();
            if (!AuthConfigSchema.isModule(module.getKey())) {
                errors.notAllowed(path, module.getValue());
            } else if (!module.getValue().isObject()) {
                errors.wrongType(path, "object", module.getValue());
            } else {
                clean.set(module.getKey(), fields(path, "", (ObjectNode) module.getValue(), errors));
            }
        }
        return clean;
    }

    /** The fields of a module, or of its {@code multi_factor} block when {@code prefix} is {@code "multi_factor."}. */
    private static ObjectNode fields(String path, String prefix, ObjectNode object, ValidationErrors errors) {
        ObjectNode clean = Json.object();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            String fieldPath = path + "." + name;
            if (prefix.isEmpty() && name.equals(AuthConfigSchema.MULTI_FACTOR)) {
                if (value.isObject()) {
                    clean.set(name, fields(fieldPath, AuthConfigSchema.MULTI_FACTOR + ".", (ObjectNode) value, errors));
                } else {
                    errors.wrongType(fieldPath, "object", value);
                }
                continue;
            }
            if (!prefix.isEmpty() && name.equals(READ_ONLY)) {
                continue;
            }
            Optional<LeafType> type = AuthConfigSchema.fieldType(prefix + name);
            if (type.isEmpty()) {
                errors.notAllowed(fieldPath, value);
            } else if (!type.get().accepts(value)) {
                errors.wrongType(fieldPath, type.get().schemaName(), value);
            } else if (name.equals("token_auth_expiry_s") && value.asLong() < 1) {
                errors.belowMinimum(fieldPath, 1, value);
            } else if (name.equals("token_auth_expiry_s") && value.asLong() > AuthConfigSchema.MAX_TOKEN_AUTH_EXPIRY_S) {
                errors.add(fieldPath, "maximum", "must be at most " + AuthConfigSchema.MAX_TOKEN_AUTH_EXPIRY_S
                        + " (30 days)", null, value);
            } else {
                clean.set(name, value);
            }
        }
        return clean;
    }
}
