package org.kazooauth.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.KeycloakServerExtension;
import org.kazooauth.testing.RunningKeycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The real Keycloak 26.7.3 boots with the one provider jar and loads every provider of the pack. */
@ExtendWith(KeycloakServerExtension.class)
class ServerInfoIT {

    @Test
    void ourProvidersAreLoaded(RunningKeycloak keycloak) {
        KazooHttp http = new KazooHttp(keycloak);
        ProvidersLoaded.assertIn(http, http.adminToken(keycloak));
    }

    @Test
    void theServerIsTheExpectedDistributionAndImportedTheDemoRealm(RunningKeycloak keycloak) {
        KazooHttp http = new KazooHttp(keycloak);
        KazooHttp.Reply info = http.get("/admin/serverinfo", KazooHttp.bearer(http.adminToken(keycloak)));
        assertEquals(System.getProperty("keycloak.dist.version"), info.at("/systemInfo/version").asText());

        KazooHttp.Reply realm = http.get("/realms/demo");
        assertEquals(200, realm.status(), realm.toString());
        assertEquals("demo", realm.at("/realm").asText());
    }
}
