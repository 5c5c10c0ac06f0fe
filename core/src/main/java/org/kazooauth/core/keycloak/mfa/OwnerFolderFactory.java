package org.kazooauth.core.keycloak.mfa;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/**
 * The folder components that hold one owner's provider configs ({@link ProviderConfigs}). At start, and when a
 * realm is imported, configs stored by earlier versions directly under the realm move into their owner's folder.
 */
@AutoService(MultiFactorProviderFactory.class)
public final class OwnerFolderFactory implements MultiFactorProviderFactory {

    static final String ID = "owner";

    @Override
    public MultiFactorProvider create(KeycloakSession session, ComponentModel model) {
        return () -> {
        };
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "Holds the Kazoo multi-factor provider configs of one account, or of the system.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of(new ProviderConfigProperty(ProviderConfigs.OWNER, "Owning account",
                "The id of the account (group) whose configs this holds; empty for the system's",
                ProviderConfigProperty.STRING_TYPE, null));
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent started) {
                KeycloakModelUtils.runJobInTransaction(started.getFactory(), session -> session.realms()
                        .getRealmsStream().forEach(realm -> new ProviderConfigs(session, realm).moveLegacyConfigs()));
            } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
                new ProviderConfigs(created.getKeycloakSession(), created.getCreatedRealm()).moveLegacyConfigs();
            }
        });
    }

    @Override
    public void close() {
    }
}
