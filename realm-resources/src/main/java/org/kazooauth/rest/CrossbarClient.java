package org.kazooauth.rest;

import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.keycloak.KazooNames;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.models.ClientModel;

import java.util.Optional;

/** The client Kazoo's logins issue tokens for: realm attribute {@code kazoo.crossbar.client_id} (DESIGN §3). */
final class CrossbarClient {

    private CrossbarClient() {
    }

    /**
     * @param directGrant whether the login runs the direct grant ({@code user_auth}), which the client must allow
     */
    static ClientModel of(KazooRealm kazoo, boolean directGrant) {
        String clientId = clientId(kazoo);
        ClientModel client = kazoo.realm().getClientByClientId(clientId);
        if (client == null || !client.isEnabled() || (directGrant && !client.isDirectAccessGrantsEnabled())) {
            throw new KazooException(500, "internal error", Json.object().put("message", "Kazoo logins need client '"
                    + clientId + "' (realm attribute " + KazooNames.CROSSBAR_CLIENT_ATTRIBUTE + "), enabled"
                    + (directGrant ? " and with direct access grants" : "") + "; ask the administrator"));
        }
        return client;
    }

    static String clientId(KazooRealm kazoo) {
        return Optional.ofNullable(kazoo.realm().getAttribute(KazooNames.CROSSBAR_CLIENT_ATTRIBUTE))
                .filter(id -> !id.isBlank()).orElse(KazooNames.DEFAULT_CROSSBAR_CLIENT);
    }
}
