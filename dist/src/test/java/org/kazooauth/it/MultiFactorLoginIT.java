package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.KazooHttp.Reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

/**
 * What a required second factor does to real logins, by the provider config it finds (seed 000 steps 3-5): the
 * shipped system default is disabled (401), no config at all lets the login go on with a failed multi_factor
 * attempt logged, and a missing or incomplete config fails closed with an event the admins can read. Every
 * outcome shows in /accounts/{A}/multi_factor/attempts.
 */
class MultiFactorLoginIT extends DemoRealmIntegration {

    private static final String ACME = DEMO.accountId("Acme");
    private static final String EAST = DEMO.accountId("Acme East");
    private static final String EAST_SECURITY = "/realms/demo/kazoo/v2/accounts/" + EAST + "/security";
    private static final String ACME_PROVIDERS = "/realms/demo/kazoo/v2/accounts/" + ACME + "/multi_factor";

    private Reply eastLogin() {
        return http.passwordGrant("demo", "crossbar", "east-user", DEMO.password("east-user"));
    }

    /** The newest multi_factor attempt of Acme East, read by the parent account's admin. */
    private JsonNode lastMultiFactorAttempt() {
        return users.get("acme-admin", "/realms/demo/kazoo/v2/accounts/" + EAST + "/multi_factor/attempts?page_size=1")
                .at("/data/0");
    }

    private void requireMultiFactor(String multiFactor) {
        assertEquals(200, users.send("superadmin", "POST", EAST_SECURITY, "{\"data\":{\"auth_modules\":"
                + "{\"cb_user_auth\":{\"multi_factor\":" + multiFactor + "}}}}").status());
    }

    @Test
    void theShippedSystemDefaultIsDisabledSoTheLoginIsRefused() {
        requireMultiFactor("{\"enabled\":true}");
        try {
            Reply refused = eastLogin();
            assertEquals(401, refused.status(), refused.toString());
            assertEquals("second-factor authentication failed: provider duo is disabled",
                    refused.at("/error_description").asText());
            JsonNode attempt = lastMultiFactorAttempt();
            assertEquals("multi_factor", attempt.path("auth_type").asText());
            assertEquals("failed", attempt.path("status").asText());
            assertEquals("provider duo is disabled", attempt.path("message").asText());
        } finally {
            users.send("superadmin", "DELETE", EAST_SECURITY, null);
        }
    }

    @Test
    void noProviderConfigAtAllLetsTheLoginGoOnAndLogsItsFailure() {
        setDefaultProvider("hmac_totp");
        requireMultiFactor("{\"enabled\":true}");
        try {
            assertEquals(200, eastLogin().status(), "seed 000 step 4: a normal login");
            JsonNode attempt = lastMultiFactorAttempt();
            assertEquals("no multi factor authentication provider is configured", attempt.path("message").asText());
            assertEquals("failed", attempt.path("status").asText());
        } finally {
            users.send("superadmin", "DELETE", EAST_SECURITY, null);
            setDefaultProvider(null);
        }
    }

    @Test
    void anUnusableOrMissingConfigFailsClosed() {
        String id = users.send("acme-admin", "PUT", ACME_PROVIDERS, MultiFactorApiIT.SEED_DUO).at("/data/id").asText();
        try {
            // account_id names the config's owner AND narrows MFA to that account's users (Kazoo's rule), so the
            // sub-account's users need include_subaccounts
            requireMultiFactor("{\"enabled\":true,\"include_subaccounts\":true,\"account_id\":\"" + ACME
                    + "\",\"configuration_id\":\"" + id + "\"}");
            assertEquals(401, eastLogin().status(), "the seed's made-up keys: refused before anything is sent");
            assertEquals("duo configuration " + id + " is refused by the Duo SDK: Invalid client secret",
                    lastMultiFactorAttempt().path("message").asText());

            assertEquals(200, users.send("superadmin", "DELETE", ACME_PROVIDERS + "/" + id, null).status());
            Reply refused = eastLogin();
            assertEquals(401, refused.status());
            assertEquals("second-factor authentication failed: not available for this account",
                    refused.at("/error_description").asText(), "the reason is not told to the client");
            String reason = "multi-factor configuration " + id + " of account " + ACME + " does not exist";
            assertEquals(reason, lastMultiFactorAttempt().path("message").asText());

            String events = keycloakAdmin.events("type=LOGIN_ERROR&max=5").toString();
            assertTrue(events.contains("kazoo_multi_factor_misconfigured") && events.contains(reason),
                    "an event the admins can read: " + events);
        } finally {
            users.send("superadmin", "DELETE", EAST_SECURITY, null);
            users.send("superadmin", "DELETE", ACME_PROVIDERS + "/" + id, null);
        }
        assertEquals(200, eastLogin().status());
    }

    private void setDefaultProvider(String name) {
        realmAttributes.set(Map.of("kazoo.auth.default_multi_factor_provider", name == null ? "duo" : name));
    }
}
