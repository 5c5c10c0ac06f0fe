package org.kazooauth.authn;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

/**
 * A Kazoo step that exists twice, as Keycloak's own steps do: for browser flows (refusing with themed pages) and
 * for direct-grant flows (refusing with OAuth error bodies).
 */
public abstract class FlowStepFactory implements KazooStepFactory {

    private final String id;
    private final FlowKind flow;

    protected FlowStepFactory(String id, FlowKind flow) {
        this.id = id;
        this.flow = flow;
    }

    protected abstract Authenticator create(FlowKind flow);

    /** The step's name in the admin console, without the flow kind. */
    protected abstract String displayName();

    @Override
    public final Authenticator create(KeycloakSession session) {
        return create(flow);
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayType() {
        return flow == FlowKind.BROWSER ? displayName() : displayName() + " (direct grant)";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }
}
