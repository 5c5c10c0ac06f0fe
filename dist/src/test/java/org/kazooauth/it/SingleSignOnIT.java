package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.DuoEmulator;
import org.kazooauth.testing.FormBrowser;
import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.KazooHttp.Reply;
import org.kazooauth.testing.KeycloakAdmin;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 003's single sign-on against a real external OpenID provider: a second realm of the same server,
 * {@code partner}, with an app ({@code kazoo-sso}) registered for the Master Reseller's tree. Real authorization
 * codes from its login page go through {@code PUT /auth/callback}; its access tokens through
 * {@code PUT /auth/authorize}; the first sign-in is linked with {@code PUT /auth/links/{id}}.
 */
class SingleSignOnIT extends DemoRealmIntegration {

    private static final String AUTH = "/realms/demo/kazoo/v2/auth";
    private static final String APP = "kazoo-sso";
    private static final String APP_SECRET = "partner-app-secret-0123456789";
    private static final String REDIRECT = FormBrowser.REDIRECT_URI;
    private static final String PARTNER_PASSWORD = "alice-at-partner-pw";

    @BeforeEach
    void createThePartnerProviderAndItsApp() {
        ObjectNode partner = KazooHttp.JSON.createObjectNode().put("realm", "partner").put("enabled", true);
        partner.putArray("clients").addObject().put("clientId", APP).put("secret", APP_SECRET)
                .put("publicClient", false).put("standardFlowEnabled", true).put("directAccessGrantsEnabled", true)
                .putArray("redirectUris").add(REDIRECT);
        // another application at the same provider: its tokens are not the app's
        partner.withArray("clients").addObject().put("clientId", "other-app").put("publicClient", true)
                .put("directAccessGrantsEnabled", true);
        ObjectNode alice = partner.putArray("users").addObject().put("username", "alice").put("enabled", true)
                .put("email", "alice@partner.invalid").put("emailVerified", true).put("firstName", "Alice")
                .put("lastName", "Partner");
        alice.putArray("credentials").addObject().put("type", "password").put("value", PARTNER_PASSWORD)
                .put("temporary", false);
        keycloakAdmin.realm("partner").create(partner.toString());

        String issuer = keycloak.baseUrl() + "/realms/partner";
        ObjectNode provider = KazooHttp.JSON.createObjectNode().put("alias", "partner").put("providerId", "oidc")
                .put("enabled", true).put("displayName", "Partner");
        provider.putObject("config").put("clientId", APP).put("clientSecret", APP_SECRET)
                .put("clientAuthMethod", "client_secret_post").put("issuer", issuer)
                .put("authorizationUrl", issuer + "/protocol/openid-connect/auth")
                .put("tokenUrl", issuer + "/protocol/openid-connect/token")
                .put("userInfoUrl", issuer + "/protocol/openid-connect/userinfo")
                .put("jwksUrl", issuer + "/protocol/openid-connect/certs").put("useJwksUrl", "true")
                .put("validateSignature", "true").put("kazoo.reseller_id", DEMO.accountId("Master Reseller"))
                .put("kazoo.app_email", "sso@partner.invalid");
        keycloakAdmin.createIdentityProvider(provider.toString());
    }

    @AfterEach
    void removeThem() {
        keycloakAdmin.deleteIdentityProvider("partner");
        keycloakAdmin.realm("partner").delete();
    }

    /** A real authorization code: alice logs in at the partner's own login page for the app. */
    private String partnerCode() {
        FormBrowser browser = new FormBrowser(keycloak);
        FormBrowser.Page back = browser.logIn(browser.openAuthorization("partner", APP, REDIRECT), "alice",
                PARTNER_PASSWORD);
        assertEquals(302, back.status(), back.body());
        return DuoEmulator.query(URI.create(back.location())).get("code");
    }

    /**
     * Keycloak's own broker login (not the Kazoo API's): a user linked to the partner signs in at the partner and
     * comes back through the provider's post-broker flow, the Kazoo one, so the lock and the second factor hold.
     */
    @Test
    void keycloaksOwnBrokerLoginPassesTheKazooPostBrokerFlow() throws Exception {
        KeycloakAdmin partner = keycloakAdmin.realm("partner");
        ObjectNode client = partner.client(APP);
        client.withArray("redirectUris").add(keycloak.baseUrl() + "/realms/demo/broker/partner/endpoint");
        partner.updateClient(client);
        ObjectNode provider = keycloakAdmin.identityProvider("partner");
        provider.put("postBrokerLoginFlowAlias", "kazoo post broker");
        keycloakAdmin.updateIdentityProvider(provider);
        String alice = partner.userId("alice");
        String eastId = KazooHttp.claims(users.token("east-user")).path("sub").asText();
        keycloakAdmin.linkIdentity(eastId, "partner",
                "{\"identityProvider\":\"partner\",\"userId\":\"" + alice + "\",\"userName\":\"alice\"}");
        String east = DEMO.accountId("Acme East");
        String lockPath = "/realms/demo/kazoo/v2/accounts/" + east + "/security/login_lock";

        FormBrowser.Page signedIn = brokerLogin();
        assertEquals(302, signedIn.status(), signedIn.body());
        assertTrue(signedIn.location().startsWith(REDIRECT), "signed in through the partner: " + signedIn.location());

        realmAttributes.with(Map.of("kazoo.crossbar.auth.lock_account_on_failed_attempts", "true"), () -> {
            try {
                for (int i = 0; i < 5; i++) {
                    http.passwordGrant("demo", "crossbar", "east-user", "not-the-password");
                }
                FormBrowser.Page locked = brokerLogin();
                assertEquals(401, locked.status(), locked.body());
                assertTrue(locked.body().contains("Your account is locked because of too many failed login attempts."));
            } finally {
                users.send("superadmin", "DELETE", lockPath, null);
            }
        });

        String acme = DEMO.accountId("Acme");
        String config = users.send("superadmin", "PUT", "/realms/demo/kazoo/v2/accounts/" + acme + "/multi_factor",
                "{\"data\":{\"name\":\"Acme tokens\",\"provider_name\":\"hmac_totp\",\"settings\":{"
                        + "\"token_secret\":\"JYXEX4IQOEYFYQ2S3MC5P4ZT4SDHYEA7\",\"otp_seed\":\"XVGR73KMZH2M4XMY\"}}}")
                .at("/data/id").asText();
        try {
            assertEquals(200, users.send("superadmin", "POST", "/realms/demo/kazoo/v2/accounts/" + east + "/security",
                    "{\"data\":{\"auth_modules\":{\"cb_user_auth\":{\"multi_factor\":{\"enabled\":true,"
                            + "\"include_subaccounts\":true,\"account_id\":\"" + acme + "\",\"configuration_id\":\""
                            + config + "\"}}}}}").status());
            FormBrowser.Page secondFactor = brokerLogin();
            assertTrue(secondFactor.body().contains("kc-kazoo-hmac-token-form"), secondFactor.body());
        } finally {
            users.send("superadmin", "DELETE", "/realms/demo/kazoo/v2/accounts/" + east + "/security", null);
            users.send("superadmin", "DELETE", "/realms/demo/kazoo/v2/accounts/" + acme + "/multi_factor/" + config,
                    null);
        }
    }

    /** The demo realm's login handed to the partner ({@code kc_idp_hint}), alice signing in there, and back. */
    private FormBrowser.Page brokerLogin() {
        FormBrowser browser = new FormBrowser(keycloak);
        FormBrowser.Page page = follow(browser, browser.openLogin(Map.of("kc_idp_hint", "partner")));
        return follow(browser, browser.logIn(page, "alice", PARTNER_PASSWORD));
    }

    private static FormBrowser.Page follow(FormBrowser browser, FormBrowser.Page page) {
        for (int hop = 0; hop < 10 && page.status() / 100 == 3 && !page.location().startsWith(REDIRECT); hop++) {
            page = browser.open(page.location());
        }
        return page;
    }

    private Reply callback(String code) {
        return http.request("PUT", AUTH + "/callback", "{\"data\":{\"provider\":\"partner\",\"client_id\":\"" + APP
                + "\",\"code\":\"" + code + "\",\"redirect_uri\":\"" + REDIRECT + "\"}}");
    }

    @Test
    void aFirstSignInIsLinkedByTheLoggedInUserThenSignsThemIn() {
        Reply unlinked = callback(partnerCode());
        assertEquals(200, unlinked.status(), unlinked.toString());
        assertEquals(KazooHttp.JSON.createObjectNode(), unlinked.at("/data"), "seed 003: empty data, not linked yet");
        assertTrue(unlinked.at("/auth_token").isMissingNode(), "no token");
        String linkId = unlinked.headers().firstValue("X-Kazoo-Link-Id").orElseThrow();
        assertTrue(linkId.matches("[0-9a-f]{32}-.+"), linkId);

        assertEquals(403, users.send("globex-admin", "PUT", AUTH + "/links/" + linkId, null).status(),
                "the app serves the Master Reseller's tree, not Globex");
        Reply linked = users.send("east-user", "PUT", AUTH + "/links/" + linkId, null);
        assertEquals(404, linked.status(), "the refused claim spent the pending link: " + linked);

        linkId = callback(partnerCode()).headers().firstValue("X-Kazoo-Link-Id").orElseThrow();
        linked = users.send("east-user", "PUT", AUTH + "/links/" + linkId, null);
        assertEquals(200, linked.status(), linked.toString());
        String stableId = linked.at("/data/id").asText();
        for (String field : new String[]{"email", "verified_email", "scope", "scopes", "profile", "display_name"}) {
            assertTrue(linked.at("/data").has(field), "seed 003's link has " + field + ": " + linked);
        }
        assertTrue(stableId.startsWith("partner-"), stableId);
        assertEquals(APP, linked.at("/data/app").asText());
        assertEquals(404, users.send("east-user", "PUT", AUTH + "/links/" + linkId, null).status(), "claimed once");

        String code = partnerCode();
        Reply signedIn = callback(code);
        assertEquals(200, signedIn.status(), signedIn.toString());
        String eastId = KazooHttp.claims(users.token("east-user")).path("sub").asText();
        assertEquals(eastId, signedIn.at("/data/owner_id").asText());
        assertEquals(DEMO.accountId("Acme East"), signedIn.at("/data/account_id").asText());
        assertEquals(DEMO.accountId("Master Reseller"), signedIn.at("/data/reseller_id").asText());
        String token = signedIn.at("/auth_token").asText();
        assertEquals("crossbar", KazooHttp.claims(token).path("azp").asText());
        assertEquals(200, http.get("/realms/demo/kazoo/v2/security", KazooHttp.bearer(token)).status(),
                "a working token of the demo realm");
        assertEquals(401, callback(code).status(), "the provider takes a code once");

        Reply links = users.get("east-user", AUTH + "/links");
        assertEquals(1, links.at("/page_size").asInt(), links.toString());
        assertEquals(stableId, links.at("/data/0/id").asText());
        assertEquals(stableId, users.get("east-user", AUTH + "/links/" + stableId).at("/data/id").asText());
        assertEquals(404, users.get("acme-user", AUTH + "/links/" + stableId).status(), "only one's own links");

        assertEquals(200, users.send("east-user", "DELETE", AUTH + "/links/" + stableId, null).status());
        Reply unlinkedAgain = callback(partnerCode());
        assertEquals(KazooHttp.JSON.createObjectNode(), unlinkedAgain.at("/data"), "no link, no login");
    }

    @Test
    void aPartnerAccessTokenOfALinkedUserIsAuthorized() {
        String linkId = callback(partnerCode()).headers().firstValue("X-Kazoo-Link-Id").orElseThrow();
        assertEquals(200, users.send("acme-user", "PUT", AUTH + "/links/" + linkId, null).status());
        Reply partnerGrant = http.form("/realms/partner/protocol/openid-connect/token", Map.of("grant_type",
                "password", "client_id", APP, "client_secret", APP_SECRET, "scope", "openid", "username", "alice",
                "password", PARTNER_PASSWORD));
        String partnerToken = partnerGrant.at("/access_token").asText();

        Reply authorized = http.request("PUT", AUTH + "/authorize", "{\"data\":{\"provider\":\"partner\","
                + "\"token\":\"" + partnerToken + "\"}}");
        assertEquals(200, authorized.status(), authorized.toString());
        assertEquals(DEMO.accountId("Acme"), authorized.at("/data/account_id").asText());
        assertEquals("acme-user", KazooHttp.claims(authorized.at("/auth_token").asText()).path("preferred_username")
                .asText());

        String otherAppsToken = http.form("/realms/partner/protocol/openid-connect/token", Map.of("grant_type",
                "password", "client_id", "other-app", "scope", "openid", "username", "alice",
                "password", PARTNER_PASSWORD)).at("/access_token").asText();
        Reply otherApps = http.request("PUT", AUTH + "/authorize", "{\"data\":{\"provider\":\"partner\","
                + "\"token\":\"" + otherAppsToken + "\"}}");
        assertEquals(401, otherApps.status(), "a token the provider gave another application: " + otherApps);

        Reply forged = http.request("PUT", AUTH + "/authorize", "{\"data\":{\"provider\":\"partner\",\"token\":\""
                + partnerToken.substring(0, partnerToken.length() - 4) + "AAAA\"}}");
        assertEquals(401, forged.status(), forged.toString());
        assertEquals(400, http.request("PUT", AUTH + "/authorize", "{\"data\":{\"provider\":\"partner\"}}").status(),
                "the token is required");
        assertEquals(404, http.request("PUT", AUTH + "/authorize", "{\"data\":{\"provider\":\"nobody\",\"token\":\"x\"}}")
                .status(), "an unknown provider");
    }

    /** Seed 003: the account may come from the path, {@code /v2/accounts/{A}/auth/apps}. */
    @Test
    void theAppsOfAnAccountsResellerAreListedUnderTheAccount() {
        Reply listed = users.get("acme-user", "/realms/demo/kazoo/v2/accounts/" + DEMO.accountId("Acme") + "/auth/apps");
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(APP, listed.at("/data/0/id").asText(), listed.toString());
        assertEquals(403, users.get("acme-user", "/realms/demo/kazoo/v2/accounts/" + DEMO.accountId("Globex")
                + "/auth/apps").status(), "another tree");
    }

    /** A URL that is not one is refused before anything is written, and the provider keeps serving its document. */
    @Test
    void aProviderUrlWithoutAHostIsRefusedAndNothingIsWritten() {
        Reply refused = users.send("superadmin", "POST", AUTH + "/providers/partner",
                "{\"data\":{\"name\":\"Renamed\",\"auth_url\":\"https://bad host/auth\"}}");
        assertEquals(400, refused.status(), refused.toString());
        Reply kept = users.get("superadmin", AUTH + "/providers/partner");
        assertEquals("Partner", kept.at("/data/name").asText(), "not renamed either: " + kept);
    }

    @Test
    void providersAndAppsAreTheRealmsIdentityProvidersForTheRightCallers() {
        Reply providers = users.get("east-user", AUTH + "/providers");
        assertEquals(200, providers.status(), providers.toString());
        assertTrue(providers.body().contains("{\"id\":\"partner\",\"provider_type\":\"oauth\"}"), providers.body());
        assertTrue(providers.body().contains("\"provider_type\":\"multi_factor\""), "and the MFA system providers");

        JsonNode partner = users.get("east-user", AUTH + "/providers/partner").at("/data");
        assertEquals(keycloak.baseUrl() + "/realms/partner/protocol/openid-connect/auth", partner.path("auth_url").asText());
        assertEquals(keycloak.baseUrl() + "/realms/partner/.well-known/openid-configuration",
                partner.path("discovery").asText());
        assertEquals("127.0.0.1", partner.at("/issuer_domains/0").asText());
        assertEquals(keycloak.baseUrl() + "/realms/partner/protocol/openid-connect/token",
                partner.path("access_code_url").asText());
        assertEquals("oauth", partner.path("auth_module").asText());
        assertEquals("partner", partner.path("id").asText());
        assertFalse(partner.toString().contains(APP_SECRET), "never the client secret");

        assertEquals(403, users.send("acme-admin", "POST", AUTH + "/providers/partner", "{\"data\":{\"name\":\"x\"}}")
                .status(), "super admins only");
        Reply renamed = users.send("superadmin", "POST", AUTH + "/providers/partner",
                "{\"data\":{\"name\":\"Partner SSO\"}}");
        assertEquals("Partner SSO", renamed.at("/data/name").asText(), renamed.toString());
        assertEquals(400, users.send("superadmin", "POST", AUTH + "/providers/partner",
                "{\"data\":{\"client_secret\":\"x\"}}").status(), "what POST may change is listed");

        Reply apps = users.get("east-user", AUTH + "/apps");
        assertEquals(1, apps.at("/page_size").asInt(), apps.toString());
        assertEquals(APP, apps.at("/data/0/id").asText());
        assertEquals("partner", apps.at("/data/0/provider").asText());
        assertFalse(apps.body().contains(APP_SECRET));
        assertEquals(APP, users.get("east-user", AUTH + "/apps/" + APP).at("/data/id").asText());
        assertEquals(0, users.get("globex-admin", AUTH + "/apps").at("/page_size").asInt(), "another reseller's tree");
        assertEquals(404, users.get("globex-admin", AUTH + "/apps/" + APP).status());

        assertEquals(403, users.send("acme-admin", "POST", AUTH + "/apps/" + APP, "{\"data\":{\"email\":\"a@b.c\"}}")
                .status(), "the reseller's admins only");
        Reply changed = users.send("reseller-admin", "POST", AUTH + "/apps/" + APP,
                "{\"data\":{\"email\":\"new@partner.invalid\",\"secret\":\"" + APP_SECRET + "\"}}");
        assertEquals(200, changed.status(), changed.toString());
        assertEquals("new@partner.invalid", changed.at("/data/email").asText());
        assertFalse(changed.body().contains(APP_SECRET), "the secret is write-only");

        assertEquals(200, users.send("superadmin", "DELETE", AUTH + "/providers/partner", null).status());
        assertEquals(404, users.get("east-user", AUTH + "/providers/partner").status());
    }
}
