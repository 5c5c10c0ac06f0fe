package org.kazooauth.admin;

import com.google.auto.service.AutoService;
import org.kazooauth.core.keycloak.StatelessProviderFactory;
import org.kazooauth.rest.BrowserAccess;
import org.kazooauth.rest.KazooRoot;
import org.kazooauth.rest.RealmTokenAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Mounts the Kazoo API again at {@code /admin/realms/{realm}/kazoo} for Keycloak administrators. Keycloak has
 * authenticated the administrator before the request gets here; the pipeline only wraps that in a Caller.
 */
@AutoService(AdminRealmResourceProviderFactory.class)
public final class KazooAdminResourceProviderFactory implements AdminRealmResourceProviderFactory,
        StatelessProviderFactory<AdminRealmResourceProvider> {

    public static final String ID = "kazoo";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new AdminRealmResourceProvider() {
            @Override
            public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                                      AdminEventBuilder adminEvent) {
                return new KazooRoot(session, (requestSession, kazoo) -> new AdminCaller(
                        RealmTokenAuthenticator.presentedToken(requestSession.getContext().getHttpRequest().getHttpHeaders()),
                        auth, kazoo.accounts()), BrowserAccess.NONE);
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
