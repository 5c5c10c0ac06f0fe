package org.kazooauth.it;

import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.KazooHttp.Reply;
import org.kazooauth.testing.KeycloakMetrics;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pack's counters on the management interface's {@code /metrics}, beside Keycloak's own: a lockout, the
 * refusal it causes and the reseller's unlock, each counted once, and no series naming a user or an account.
 * The second-factor, HMAC, Duo and rate-limit counters are read by the tests that cause them.
 */
class MetricsIT extends DemoRealmIntegration {

    private static final Set<String> LABELS = Set.of("provider", "result", "reason", "bucket");

    @Test
    void aLockoutItsRefusalAndTheUnlockAreCounted() throws Exception {
        KeycloakMetrics metrics = new KeycloakMetrics(keycloak);
        long lockouts = metrics.counter("kazoo_lock_lockouts_total", "bucket", "account");
        long refusals = metrics.counter("kazoo_lock_refusals_total");
        long unlocks = metrics.counter("kazoo_lock_unlocks_total");
        String loginLock = "/realms/demo/kazoo/v2/accounts/" + DEMO.accountId("Acme East") + "/security/login_lock";
        realmAttributes.with(Map.of("kazoo.crossbar.auth.lock_account_on_failed_attempts", "true"), () -> {
            try {
                for (int failure = 1; failure <= 5; failure++) {
                    assertEquals(400, http.passwordGrant("demo", "crossbar", "east-user", "wrong").status());
                }
                Reply locked = http.passwordGrant("demo", "crossbar", "east-user", DEMO.password("east-user"));
                assertEquals(401, locked.status(), locked.toString());
                Reply unlocked = users.send("reseller-admin", "DELETE", loginLock, null);
                assertEquals("account is unlocked", unlocked.at("/data/status").asText(), unlocked.toString());
            } finally {
                users.send("superadmin", "DELETE", loginLock, null);
            }
        });
        assertEquals(lockouts + 1, metrics.counter("kazoo_lock_lockouts_total", "bucket", "account"));
        assertEquals(refusals + 1, metrics.counter("kazoo_lock_refusals_total"));
        assertEquals(unlocks + 1, metrics.counter("kazoo_lock_unlocks_total"));
    }

    @Test
    void thePacksSeriesSitBesideKeycloaksAndNameNoUserOrAccount() {
        List<KeycloakMetrics.Series> all = new KeycloakMetrics(keycloak).all();
        assertTrue(all.stream().anyMatch(series -> series.name().startsWith("jvm_")), "Keycloak's own metrics");
        List<KeycloakMetrics.Series> ours = all.stream().filter(series -> series.name().startsWith("kazoo_")).toList();
        for (KeycloakMetrics.Series series : ours) {
            assertTrue(LABELS.containsAll(series.labels().keySet()), () -> "bounded labels only: " + series);
            series.labels().values().forEach(value -> assertTrue(value.matches("[a-z_]+"),
                    () -> "a label value is a word, never an id: " + series));
        }
    }
}
