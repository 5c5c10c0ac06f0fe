package org.kazooauth.it;

import org.junit.jupiter.api.Test;
import org.kazooauth.bench.Bench;
import org.kazooauth.testing.DemoRealmIntegration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's smoke run on the shared server: a few logins of each kind in both realms and a few reads, so
 * {@code bench/run.sh} is known to work without running it here (it takes half an hour). Every operation must
 * succeed; the figures themselves mean nothing on a run this small.
 */
class BenchSmokeIT extends DemoRealmIntegration {

    @Test
    void theBenchmarkRunsAndReportsEveryComparison() throws Exception {
        Path results = Bench.smoke(keycloak, database, Path.of("target", "bench-smoke", "RESULTS.md"));
        List<String> lines = Files.readAllLines(results);
        int refused = Stream.of(lines.stream().filter(line -> line.startsWith("| operation")).findFirst()
                .orElseThrow().split("\\|")).map(String::trim).toList().indexOf("refused");
        assertTrue(refused > 0, "a column of refusals");
        List<String> rows = lines.stream().filter(line -> line.startsWith("| ")
                && !line.startsWith("| operation")).toList();
        for (String operation : new String[]{"stock password |", "stock password + OTP (anchor)",
                "Kazoo flow password |", "Kazoo flow password + HMAC", "Kazoo GET /v2/accounts/{A}/security",
                "Keycloak GET /admin/realms/{r}/groups/{id} (anchor)", "login_lock, account of few users (anchor)",
                "login_lock, account of many users", "attempts, account of few rows (anchor)",
                "attempts, account of many rows", "Kazoo GET /v2/accounts/{A}/multi_factor"}) {
            assertFalse(rows.stream().noneMatch(row -> row.contains(operation)), operation + " in " + rows);
        }
        for (String row : rows.stream().filter(row -> row.split("\\|").length > refused).toList()) {
            assertEquals("0", row.split("\\|")[refused].trim(), "nothing refused: " + row);
        }
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("After 1 unmeasured rounds (at least 0,")),
                "the warm-up ran its one round and says so");
        List<String> hashes = lines.stream().dropWhile(line -> !line.contains("| of which: password hash"))
                .skip(2).takeWhile(line -> line.startsWith("| ")).toList();
        assertEquals(4, hashes.size(), "the password hash told apart for each login: " + hashes);
        for (String row : hashes) {
            double hash = Double.parseDouble(row.split("\\|")[3].trim());
            assertTrue(hash > 0, "the execution samples found the hash: " + row);
        }
        assertTrue(users.get("superadmin", "/realms/demo/kazoo/v2/auth/providers").body().contains("duo"),
                "the shared server still serves the demo realm");
        assertEquals(404, http.get("/realms/stock").status(), "the smoke run removed its realm");
    }
}
