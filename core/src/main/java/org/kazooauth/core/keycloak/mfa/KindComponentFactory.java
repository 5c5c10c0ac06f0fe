package org.kazooauth.core.keycloak.mfa;

import com.google.auto.service.AutoService;
import org.kazooauth.core.config.LeafType;
import org.kazooauth.core.keycloak.StatelessProviderFactory;
import org.kazooauth.core.mfa.ProviderKind;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.ArrayList;
import java.util.List;

/** The component factory of one provider kind; its config properties are the kind's settings. */
public abstract class KindComponentFactory implements MultiFactorProviderFactory,
        StatelessProviderFactory<MultiFactorProvider> {

    private final ProviderKind kind;

    KindComponentFactory(ProviderKind kind) {
        this.kind = kind;
    }

    @AutoService(MultiFactorProviderFactory.class)
    public static final class Duo extends KindComponentFactory {
        public Duo() {
            super(ProviderKind.DUO);
        }
    }

    @AutoService(MultiFactorProviderFactory.class)
    public static final class HmacTotp extends KindComponentFactory {
        public HmacTotp() {
            super(ProviderKind.HMAC_TOTP);
        }
    }

    @Override
    public MultiFactorProvider create(KeycloakSession session, ComponentModel model) {
        return () -> {
        };
    }

    @Override
    public String getId() {
        return kind.providerName();
    }

    @Override
    public String getHelpText() {
        return "Kazoo multi-factor provider configuration: " + kind.providerName()
                + ". Managed through the Kazoo /multi_factor API.";
    }

    /**
     * The kind's settings, secrets marked, and the Kazoo bookkeeping keys: Keycloak's component API and realm
     * export only carry the properties a factory declares.
     */
    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        List<ProviderConfigProperty> properties = new ArrayList<>(List.of(
                new ProviderConfigProperty(ProviderConfigs.KAZOO_ID, "Kazoo id", "The config's id in the Kazoo API",
                        ProviderConfigProperty.STRING_TYPE, null),
                new ProviderConfigProperty(ProviderConfigs.OWNER, "Owning account",
                        "The id of the account (group) that owns the config; empty for a system config",
                        ProviderConfigProperty.STRING_TYPE, null),
                new ProviderConfigProperty(ProviderConfigs.ENABLED, "Enabled", "Whether logins may use the config",
                        ProviderConfigProperty.BOOLEAN_TYPE, "true")));
        kind.settings().forEach((name, type) -> {
            ProviderConfigProperty property = new ProviderConfigProperty(name, name, kind.providerName() + " setting "
                    + name, type == LeafType.INTEGER ? ProviderConfigProperty.INTEGER_TYPE
                    : kind.isSecret(name) ? ProviderConfigProperty.PASSWORD : ProviderConfigProperty.STRING_TYPE,
                    null);
            property.setSecret(kind.isSecret(name));
            properties.add(property);
        });
        return properties;
    }
}
