package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.kazooauth.testing.KazooHttp;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What "our providers are loaded" means, asserted on a server's admin server-info. */
final class ProvidersLoaded {

    private ProvidersLoaded() {
    }

    static void assertIn(KazooHttp http, String adminToken) {
        KazooHttp.Reply info = http.get("/admin/serverinfo", KazooHttp.bearer(adminToken));
        assertEquals(200, info.status(), info.toString());
        JsonNode providers = info.at("/providers");

        JsonNode realmApi = providers.at("/realm-restapi-extension/providers/kazoo");
        assertTrue(realmApi.isObject(), "the Kazoo realm resource provider is loaded: " + providers.path(
                "realm-restapi-extension"));
        assertTrue(realmApi.at("/operationalInfo/version").asText().matches("\\d+\\.\\d+\\.\\d+.*"),
                "server info shows the pack's version: " + realmApi);
        assertTrue(providers.at("/admin-realm-restapi-extension/providers/kazoo").isObject(),
                "the Kazoo admin resource provider is loaded: " + providers.path("admin-realm-restapi-extension"));

        for (String authenticator : List.of("kazoo-login-policy", "kazoo-login-policy-direct-grant",
                "kazoo-condition-multi-factor", "kazoo-multi-factor", "kazoo-multi-factor-direct-grant",
                "kazoo-username-password-form", "kazoo-direct-grant-validate-password", "kazoo-otp-form",
                "kazoo-known-device")) {
            assertTrue(providers.at("/authenticator/providers/" + authenticator).isObject(),
                    "authenticator " + authenticator + " is loaded");
        }
        assertTrue(providers.at("/protocol-mapper/providers/kazoo-token-lifetime-mapper").isObject(),
                "the Kazoo token lifetime mapper is loaded");
        assertTrue(providers.at("/kazoo-multi-factor/providers/duo").isObject()
                && providers.at("/kazoo-multi-factor/providers/hmac_totp").isObject(),
                "the multi-factor provider SPI and its kinds are loaded: " + providers.path("kazoo-multi-factor"));
        assertTrue(providers.at("/eventsListener/providers/kazoo-login-attempts").isObject(),
                "the login-attempt recorder is loaded");

        assertTrue(providers.at("/ui-tab/providers/Kazoo").isObject(), "the admin console's Kazoo tab is loaded");

        List<String> loginThemes = new ArrayList<>();
        info.at("/themes/login").forEach(theme -> loginThemes.add(theme.path("name").asText()));
        assertTrue(loginThemes.contains("kazoo"), "the kazoo login theme is loaded: " + loginThemes);
    }
}
