package org.kazooauth.core.keycloak.jpa;

import com.google.auto.service.AutoService;
import org.kazooauth.core.keycloak.StatelessProviderFactory;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;

import java.util.List;

/** Adds the pack's tables to Keycloak's database: entities plus a Liquibase changelog, as Keycloak's own. */
@AutoService(JpaEntityProviderFactory.class)
public final class KazooJpaEntityProviderFactory implements JpaEntityProviderFactory,
        StatelessProviderFactory<JpaEntityProvider> {

    public static final String ID = "kazoo";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new JpaEntityProvider() {
            @Override
            public List<Class<?>> getEntities() {
                return List.of(LoginAttemptEntity.class, LockBucketEntity.class);
            }

            @Override
            public String getChangelogLocation() {
                return "META-INF/kazoo-changelog-master.xml";
            }

            @Override
            public String getFactoryId() {
                return ID;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getId() {
        return ID;
    }
}
