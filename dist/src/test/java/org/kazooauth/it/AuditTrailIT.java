package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.KazooHttp.Reply;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every successful write through the Kazoo API is one of Keycloak's admin events, with the caller, the path, the
 * answered document (secrets masked) and the request id; a refused write leaves none. A login's attempt record
 * carries the request id its answer carries, even when the client sent none.
 */
class AuditTrailIT extends DemoRealmIntegration {

    private static final String ACME = DEMO.accountId("Acme");
    private static final String PROVIDERS = "/realms/demo/kazoo/v2/accounts/" + ACME + "/multi_factor";
    private static final String DUO_SECRET = "kazooAuditSecret0123456789abcdefghijklmn";

    private static String requestId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private Reply asSuperadmin(String method, String path, String body, String requestId) {
        return http.request(method, path, body, "Authorization", "Bearer " + users.token("superadmin"),
                "X-Request-ID", requestId);
    }

    /** The demo realm's admin event carrying {@code requestId}, or null. */
    private JsonNode adminEvent(String requestId) {
        for (JsonNode event : keycloakAdmin.adminEvents("max=200")) {
            if (requestId.equals(event.at("/details/request_id").asText())) {
                return event;
            }
        }
        return null;
    }

    @Test
    void aWriteIsAnAdminEventWithItsCallerPathAndRequestIdAndNoSecret() {
        String created = requestId();
        Reply reply = asSuperadmin("PUT", PROVIDERS, "{\"data\":{\"name\":\"Audited Duo\",\"provider_name\":\"duo\","
                + "\"settings\":{\"integration_key\":\"DIKAZOOEMULATOR00001\",\"secret_key\":\"" + DUO_SECRET
                + "\",\"api_hostname\":\"127.0.0.1\"}}}", created);
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(created, reply.at("/request_id").asText());
        String id = reply.at("/data/id").asText();
        try {
            JsonNode event = adminEvent(created);
            assertNotNull(event, "the write is an admin event");
            assertEquals("CREATE", event.path("operationType").asText());
            assertEquals("KAZOO", event.path("resourceType").asText());
            assertEquals("kazoo/v2/accounts/" + ACME + "/multi_factor", event.path("resourcePath").asText());
            assertEquals(KazooHttp.claims(users.token("superadmin")).path("sub").asText(),
                    event.at("/authDetails/userId").asText(), "the caller");
            String representation = event.path("representation").asText();
            assertTrue(representation.contains("Audited Duo"), representation);
            assertFalse(representation.contains(DUO_SECRET), "no secret in the event: " + representation);

            String refused = requestId();
            assertEquals(400, asSuperadmin("PATCH", PROVIDERS + "/" + id, "{\"data\":{\"provider_name\":\"nope\"}}",
                    refused).status());
            assertNull(adminEvent(refused), "a refused write is no event");

            String read = requestId();
            assertEquals(200, asSuperadmin("GET", PROVIDERS + "/" + id, null, read).status());
            assertNull(adminEvent(read), "a read is no event");
        } finally {
            String deleted = requestId();
            assertEquals(200, asSuperadmin("DELETE", PROVIDERS + "/" + id, null, deleted).status());
            assertEquals("DELETE", adminEvent(deleted).path("operationType").asText());
        }
    }

    @Test
    void aLoginsAttemptRecordCarriesTheRequestIdOfItsAnswer() {
        Reply login = http.request("PUT", "/realms/demo/kazoo/v2/user_auth", "{\"data\":{\"username\":\"acme-user\","
                + "\"password\":\"Wrong-Secret-9\"}}");
        assertEquals(401, login.status(), login.toString());
        String answered = login.at("/request_id").asText();
        assertEquals(login.headers().firstValue("X-Request-ID").orElseThrow(), answered);
        assertNotNull(users.attemptOf("acme-admin", ACME, answered), "an attempt of Acme carries request id "
                + answered);
    }
}
