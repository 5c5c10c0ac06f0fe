package org.kazooauth.core.duo;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuoOptionsTest {

    @Test
    void failsClosedWithTheSdksPinsByDefault() {
        DuoOptions defaults = DuoOptions.defaults();
        assertFalse(defaults.failOpen());
        assertEquals(Optional.empty(), defaults.usernameAttribute());
        assertEquals(List.of(), defaults.caPins());
        assertEquals(Duration.ofSeconds(10), defaults.healthCheckCache());
        assertEquals(Duration.ofMillis(5000), defaults.timeout());
    }

    @Test
    void readsTheExecutionsConfig() {
        DuoOptions options = DuoOptions.of(Map.of("duo_fail_mode", "open", "duo_username_attribute", " duo_user ",
                "duo_ca_pins", "sha256/AAA=##sha256/BBB=, sha256/CCC=", "duo_health_check_cache_seconds", "0",
                "duo_timeout_ms", "1500"));
        assertTrue(options.failOpen());
        assertEquals(Optional.of("duo_user"), options.usernameAttribute());
        assertEquals(List.of("sha256/AAA=", "sha256/BBB=", "sha256/CCC="), options.caPins());
        assertEquals(Duration.ZERO, options.healthCheckCache());
        assertEquals(Duration.ofMillis(1500), options.timeout());
    }

    @Test
    void aTypoNeverWeakensIt() {
        DuoOptions options = DuoOptions.of(Map.of("duo_fail_mode", "Open", "duo_ca_pins", "not-a-pin",
                "duo_health_check_cache_seconds", "-5", "duo_timeout_ms", "soon"));
        assertFalse(options.failOpen(), "only the exact word opens it");
        assertEquals(List.of(), options.caPins());
        assertEquals(Duration.ofSeconds(10), options.healthCheckCache());
        assertEquals(Duration.ofMillis(5000), options.timeout());
    }
}
