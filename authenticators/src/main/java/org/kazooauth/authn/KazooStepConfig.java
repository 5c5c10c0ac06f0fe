package org.kazooauth.authn;

import org.jboss.logging.Logger;
import org.kazooauth.core.config.AuthConfigSchema;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;
import java.util.Map;

/**
 * The config every Kazoo flow step carries: which Kazoo auth module it serves, whose merged settings it obeys;
 * the password steps also whether an HMAC-TOTP token may stand in for the password.
 *
 * @param authModule       {@code cb_user_auth} unless the execution's config says otherwise
 * @param acceptHmacTokens whether the password steps take a token instead of the password (default: no)
 */
public record KazooStepConfig(String authModule, boolean acceptHmacTokens) {

    private static final Logger LOG = Logger.getLogger(KazooStepConfig.class);

    static final String AUTH_MODULE = "auth_module";

    static final ProviderConfigProperty AUTH_MODULE_PROPERTY = authModuleProperty();

    private static ProviderConfigProperty authModuleProperty() {
        ProviderConfigProperty property = new ProviderConfigProperty(AUTH_MODULE, "Kazoo auth module",
                "Which Kazoo auth module this step serves: its settings (enabled, token_auth_expiry_s, "
                        + "multi_factor, ...) are read from the user's account, merged up the account tree. "
                        + "cb_user_auth for users logging in with a password.",
                ProviderConfigProperty.LIST_TYPE, AuthConfigSchema.USER_AUTH);
        property.setOptions(AuthConfigSchema.MODULES);
        return property;
    }

    static final String ACCEPT_HMAC_TOKENS = "accept_hmac_tokens";

    static final List<ProviderConfigProperty> PROPERTIES = List.of(AUTH_MODULE_PROPERTY);

    /** The password steps' properties: the module, and HMAC-TOTP tokens in place of the password. */
    static final List<ProviderConfigProperty> PASSWORD_STEP_PROPERTIES = List.of(AUTH_MODULE_PROPERTY,
            new ProviderConfigProperty(ACCEPT_HMAC_TOKENS, "Accept HMAC-TOTP tokens",
                    "Let an HMAC-TOTP token (Prosody's mod_auth_token format) stand in for the password: in the "
                            + "password field, or on the direct grant as the hmac_token parameter. It is checked "
                            + "against the user's hmac_totp provider config and works once.",
                    ProviderConfigProperty.BOOLEAN_TYPE, "false"));

    /** The execution's config, or the defaults when the execution has none. */
    public static KazooStepConfig of(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        String module = config.getOrDefault(AUTH_MODULE, AuthConfigSchema.USER_AUTH);
        if (!AuthConfigSchema.isModule(module)) {
            LOG.warnf("execution config %s names unknown auth module '%s'; using %s",
                    model == null ? "-" : model.getAlias(), module, AuthConfigSchema.USER_AUTH);
            module = AuthConfigSchema.USER_AUTH;
        }
        return new KazooStepConfig(module, Boolean.parseBoolean(config.get(ACCEPT_HMAC_TOKENS)));
    }
}
