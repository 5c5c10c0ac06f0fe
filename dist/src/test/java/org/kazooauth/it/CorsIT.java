package org.kazooauth.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.KazooHttp.Reply;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser app such as Monster UI calling {@code /realms/{realm}/kazoo} from its own origin: preflights and
 * answers carry CORS headers for the origins in the calling client's Web Origins, and nothing for any other.
 */
class CorsIT extends DemoRealmIntegration {

    private static final String MONSTER_UI = "https://monster.example.com";
    private static final String ELSEWHERE = "https://evil.example.net";
    private static final String SECURITY = "/realms/demo/kazoo/v2/accounts/" + DEMO.accountId("Acme East")
            + "/security";

    private ObjectNode crossbarBefore;

    @BeforeEach
    void allowMonsterUi() {
        crossbarBefore = keycloakAdmin.client("crossbar");
        ObjectNode crossbar = crossbarBefore.deepCopy();
        crossbar.putArray("webOrigins").add(MONSTER_UI);
        keycloakAdmin.updateClient(crossbar);
    }

    @AfterEach
    void restore() {
        keycloakAdmin.updateClient(crossbarBefore);
    }

    private Reply preflight(String origin) {
        return http.request("OPTIONS", SECURITY, null, "Origin", origin, "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "x-auth-token");
    }

    private static Optional<String> allowedOrigin(Reply reply) {
        return reply.headers().firstValue("Access-Control-Allow-Origin");
    }

    @Test
    void aPreflightFromTheClientsOriginMaySendKazoosTokenHeader() {
        Reply allowed = preflight(MONSTER_UI);
        assertEquals(200, allowed.status(), allowed.toString());
        assertEquals(Optional.of(MONSTER_UI), allowedOrigin(allowed));
        assertTrue(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("X-Auth-Token"));
        assertTrue(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("PATCH"));

        Reply refused = preflight(ELSEWHERE);
        assertEquals(Optional.empty(), allowedOrigin(refused), refused.headers().toString());
        assertEquals(Optional.empty(), refused.headers().firstValue("Access-Control-Allow-Headers"));
    }

    @Test
    void anAnswerCarriesTheOriginOnlyForTheTokensClientsWebOrigins() {
        String token = http.passwordGrant("demo", "crossbar", "east-user", DEMO.password("east-user")).json()
                .path("access_token").asText();
        Reply allowed = http.request("GET", SECURITY, null, "X-Auth-Token", token, "Origin", MONSTER_UI);
        assertEquals(200, allowed.status(), allowed.toString());
        assertEquals(Optional.of(MONSTER_UI), allowedOrigin(allowed));
        assertTrue(allowed.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("X-Request-ID"));

        Reply refused = http.request("GET", SECURITY, null, "X-Auth-Token", token, "Origin", ELSEWHERE);
        assertEquals(200, refused.status(), "the answer itself is the same; the browser withholds it");
        assertEquals(Optional.empty(), allowedOrigin(refused));
    }

    @Test
    void aLoginAndARefusalCarryTheCrossbarClientsOrigins() {
        Reply login = http.request("PUT", "/realms/demo/kazoo/v2/user_auth", "{\"data\":{\"username\":\"east-user\","
                + "\"password\":\"" + DEMO.password("east-user") + "\"}}", "Origin", MONSTER_UI);
        assertEquals(200, login.status(), login.toString());
        assertEquals(Optional.of(MONSTER_UI), allowedOrigin(login));

        Reply expired = http.request("GET", SECURITY, null, "X-Auth-Token", "not-a-token", "Origin", MONSTER_UI);
        assertEquals(401, expired.status());
        assertEquals(Optional.of(MONSTER_UI), allowedOrigin(expired), "the app can read why, and log in again");
        Reply elsewhere = http.request("GET", SECURITY, null, "X-Auth-Token", "not-a-token", "Origin", ELSEWHERE);
        assertEquals(Optional.empty(), allowedOrigin(elsewhere));
    }
}
