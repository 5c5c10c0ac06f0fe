package org.kazooauth.core.lock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");
    private final RateLimits limits = new RateLimits();

    @Test
    void kazoosNumbersLetTwoLoginsThroughAndRefuseTheThirdUntilTokensComeBack() {
        BucketSettings kazoo = RateLimitSettings.KAZOO_BUCKET;
        assertEquals(Optional.empty(), limits.pay("ip/acme", kazoo, 35, T0));
        assertEquals(Optional.empty(), limits.pay("ip/acme", kazoo, 35, T0));
        assertEquals(Optional.of(Duration.ofSeconds(4)), limits.pay("ip/acme", kazoo, 35, T0),
                "30 left cannot pay 35: emptied, 35 is four refills away");
        assertEquals(Optional.empty(), limits.pay("ip/globex", kazoo, 35, T0), "another key, another bucket");
        assertTrue(limits.pay("ip/acme", kazoo, 35, T0.plusSeconds(3)).isPresent());
        assertEquals(Optional.empty(), limits.pay("ip/acme", kazoo, 35, T0.plusSeconds(7)));
    }

    @Test
    void settingsAreOffByDefaultAndReadWithKazoosDefaults() {
        List<String> problems = new ArrayList<>();
        assertFalse(RateLimitSettings.of(Map.<String, String>of()::get, List.of("cb_user_auth"), problems::add).enabled());
        RateLimitSettings on = RateLimitSettings.of(Map.of(RateLimitSettings.ENABLED, "true",
                RateLimitSettings.TOKENS_FILL_RATE, "zero")::get, List.of("cb_user_auth"), problems::add);
        assertTrue(on.enabled());
        assertEquals(RateLimitSettings.KAZOO_BUCKET, on.bucket(), "a bad value falls back to Kazoo's");
        assertEquals(35, on.cost("cb_user_auth"));
        assertEquals(1, problems.size(), problems.toString());
    }
}
