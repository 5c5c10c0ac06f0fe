package org.kazooauth.rest;

import com.google.auto.service.AutoService;
import jakarta.ws.rs.HttpMethod;
import org.kazooauth.core.api.PackInfo;
import org.kazooauth.core.keycloak.StatelessProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import java.util.Map;

/** Mounts the Kazoo API at {@code /realms/{realm}/kazoo} for callers holding an access token of that realm. */
@AutoService(RealmResourceProviderFactory.class)
public final class KazooRealmResourceProviderFactory implements RealmResourceProviderFactory,
        StatelessProviderFactory<RealmResourceProvider>, ServerInfoAwareProviderFactory {

    public static final String ID = "kazoo";

    private static final CallerAuthenticator REALM_USERS = new RealmTokenAuthenticator();

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                BrowserAccess browsers = BrowserAccess.byWebOrigins(session);
                return HttpMethod.OPTIONS.equals(session.getContext().getHttpRequest().getHttpMethod())
                        ? new Preflight(browsers) : new KazooRoot(session, REALM_USERS, browsers);
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

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("version", PackInfo.VERSION);
    }
}
