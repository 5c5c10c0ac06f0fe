package org.kazooauth.core.lock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LockSettingsTest {

    private static final List<String> MODULES = List.of("cb_user_auth", "cb_api_auth");
    private final List<String> problems = new ArrayList<>();

    private LockSettings read(Map<String, String> attributes) {
        return LockSettings.of(attributes::get, MODULES, problems::add);
    }

    @Test
    void offUnlessSwitchedOn() {
        assertFalse(read(Map.of()).enabled());
        assertFalse(read(Map.of(LockSettings.ENABLED, "no", LockSettings.MAX_BUCKET_TOKENS, "x")).enabled());
        assertEquals(List.of(), problems, "settings of a lock that is off are not read");
    }

    @Test
    void onItDefaultsToKazoosRecommendedBucket() {
        LockSettings settings = read(Map.of(LockSettings.ENABLED, "true"));
        assertTrue(settings.enabled());
        assertEquals(BucketSettings.recommended(), settings.bucket());
        assertEquals(LockScope.ACCOUNT, settings.scope());
        assertEquals(35, settings.cost("cb_user_auth"));
    }

    @Test
    void readsEverySetting() {
        LockSettings settings = read(Map.of(LockSettings.ENABLED, " TRUE ",
                LockSettings.MAX_BUCKET_TOKENS, "100", LockSettings.TOKENS_FILL_RATE, "50",
                LockSettings.TOKENS_FILL_TIME, "minute", LockSettings.SCOPE, "Both",
                LockSettings.TOKEN_COST_PREFIX + "cb_api_auth", "10"));
        assertEquals(new BucketSettings(100, 50, Duration.ofMinutes(1)), settings.bucket());
        assertEquals(LockScope.BOTH, settings.scope());
        assertEquals(10, settings.cost("cb_api_auth"));
        assertEquals(35, settings.cost("cb_user_auth"));
    }

    @Test
    void aBadValueIsReportedAndItsDefaultUsed() {
        LockSettings settings = read(Map.of(LockSettings.ENABLED, "true", LockSettings.MAX_BUCKET_TOKENS, "0",
                LockSettings.TOKENS_FILL_TIME, "fortnight", LockSettings.SCOPE, "everyone"));
        assertTrue(settings.enabled(), "a typo never switches the lock off");
        assertEquals(BucketSettings.recommended(), settings.bucket());
        assertEquals(LockScope.ACCOUNT, settings.scope());
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(LockSettings.MAX_BUCKET_TOKENS), problems.get(0));
    }

    @Test
    void waitsTenSecondsByDefaultAndKnowsNoDevicesUnlessAskedTo() {
        LockSettings defaults = read(Map.of(LockSettings.ENABLED, "true"));
        assertEquals(Duration.ofSeconds(10), defaults.maxWait());
        assertFalse(defaults.knownDevicesOn());
        LockSettings set = read(Map.of(LockSettings.ENABLED, "true", LockSettings.WAIT_MS, "0",
                LockSettings.KNOWN_DEVICE_DAYS, "30"));
        assertEquals(Duration.ZERO, set.maxWait());
        assertEquals(Duration.ofDays(30), set.knownDevices());
        assertTrue(set.knownDevicesOn());
        assertEquals(Duration.ofSeconds(10), read(Map.of(LockSettings.ENABLED, "true", LockSettings.WAIT_MS, "-1"))
                .maxWait(), "a negative wait is refused and the default applies");
    }
}
