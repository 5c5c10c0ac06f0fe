package org.kazooauth.rest;

import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.events.admin.OperationType;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Every successful write through the Kazoo API is a Keycloak admin event, as every write through Keycloak's own
 * admin API is: who (the caller's realm, client, user and address), what (the operation and the path below the
 * realm, e.g. {@code kazoo/v2/accounts/{A}/security}), the answered document as the representation (secrets in it
 * are masked as in every answer) and the request id the answer carries.
 */
final class KazooAdminEvents {

    /** The admin event's resource type: Keycloak's own types name its own resources. */
    static final String RESOURCE_TYPE = "KAZOO";

    private KazooAdminEvents() {
    }

    static void record(KazooRealm kazoo, Caller caller, String method, String path, Answer answer, String requestId) {
        AdminEventBuilder event = new AdminEventBuilder(kazoo.realm(), caller.adminAuth(), kazoo.session(),
                kazoo.session().getContext().getConnection())
                .operation(switch (method) {
                    case "PUT" -> OperationType.CREATE;
                    case "DELETE" -> OperationType.DELETE;
                    default -> OperationType.UPDATE;
                })
                .resource(RESOURCE_TYPE)
                .resourcePath(path)
                .detail("request_id", requestId);
        if (answer instanceof Answer.Data document) {
            event.representation(document.data());
        }
        event.success();
    }
}
