package org.kazooauth.it;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import org.junit.jupiter.api.Test;
import org.kazooauth.testing.KazooHttp;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.io.File;
import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same start in the official Keycloak image, for machines with Docker (skipped cleanly without it):
 * the provider jar in providers/, the demo realm imported, our providers loaded.
 */
@Testcontainers(disabledWithoutDocker = true)
class KeycloakContainerIT {

    @Container
    private static final KeycloakContainer KEYCLOAK = new KeycloakContainer(
            "quay.io/keycloak/keycloak:" + System.getProperty("keycloak.dist.version"))
            .withProviderLibsFrom(List.of(new File(System.getProperty("kazoo.jar"))))
            .withRealmImportFile("/demo-realm.json");

    @Test
    void ourProvidersAreLoadedInTheOfficialImage() {
        KazooHttp http = new KazooHttp(URI.create(KEYCLOAK.getAuthServerUrl()));
        ProvidersLoaded.assertIn(http, http.adminToken(KEYCLOAK.getAdminUsername(), KEYCLOAK.getAdminPassword()));
        assertEquals(401, http.get("/realms/demo/kazoo/v2/security").status());
    }
}
