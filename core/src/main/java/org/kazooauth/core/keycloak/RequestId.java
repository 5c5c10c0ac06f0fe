package org.kazooauth.core.keycloak;

import jakarta.ws.rs.core.HttpHeaders;
import org.kazooauth.core.api.KazooHeaders;
import org.kazooauth.core.api.RequestIds;
import org.keycloak.models.KeycloakSession;

/**
 * The one request id of an HTTP request: decided once and kept on its Keycloak session, so the Kazoo envelope, the
 * login-attempt record and the admin event of one request all carry the same id.
 */
public final class RequestId {

    private static final String ATTRIBUTE = "kazoo.request_id";

    /**
     * The event detail that carries the id to event listeners: Keycloak sends events from a session of its own, which
     * does not see this session's attributes.
     */
    public static final String EVENT_DETAIL = "kazoo_request_id";

    private RequestId() {
    }

    public static String of(KeycloakSession session) {
        String id = session.getAttribute(ATTRIBUTE, String.class);
        if (id == null) {
            HttpHeaders headers = session.getContext().getHttpRequest() == null ? null
                    : session.getContext().getHttpRequest().getHttpHeaders();
            id = RequestIds.accept(headers == null ? null : headers.getHeaderString(KazooHeaders.REQUEST_ID));
            session.setAttribute(ATTRIBUTE, id);
        }
        return id;
    }
}
