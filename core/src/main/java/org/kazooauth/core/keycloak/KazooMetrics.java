package org.kazooauth.core.keycloak;

import io.micrometer.core.instrument.Metrics;

import java.util.Locale;

/**
 * The pack's counters, beside Keycloak's own on the management interface's {@code /metrics} when Keycloak's
 * metrics are enabled (Keycloak registers its registry with Micrometer's global one; with metrics off the global
 * registry is empty and counting costs a map look-up). Tags name outcomes, providers, reasons and bucket kinds,
 * never a user, an account or a realm, so the number of series stays fixed. Prometheus adds {@code _total}.
 */
public final class KazooMetrics {

    /**
     * {@code provider} (duo, hmac_totp; none or unknown when no config applies), {@code result}: passed, failed,
     * failed_open, unavailable, disabled, misconfigured, no_provider.
     */
    public static final String SECOND_FACTOR = "kazoo.second_factor";
    /** {@code reason}: malformed, nonce_too_short, wrong_otp, bad_signature, reused. */
    public static final String HMAC_REFUSALS = "kazoo.hmac.refusals";
    public static final String DUO_HEALTH_CHECK_FAILURES = "kazoo.duo.health_check_failures";
    /** Logins refused because a bucket is empty. */
    public static final String LOCK_REFUSALS = "kazoo.lock.refusals";
    /** {@code bucket}: account, user, device — a failure that emptied a bucket. */
    public static final String LOCKOUTS = "kazoo.lock.lockouts";
    public static final String UNLOCKS = "kazoo.lock.unlocks";
    public static final String RATE_LIMIT_REFUSALS = "kazoo.rate_limit.refusals";

    private KazooMetrics() {
    }

    public static void secondFactor(String provider, String result) {
        Metrics.counter(SECOND_FACTOR, "provider", provider, "result", result).increment();
    }

    public static void hmacRefused(String reason) {
        Metrics.counter(HMAC_REFUSALS, "reason", reason.toLowerCase(Locale.ROOT)).increment();
    }

    public static void duoHealthCheckFailed() {
        Metrics.counter(DUO_HEALTH_CHECK_FAILURES).increment();
    }

    public static void lockRefused() {
        Metrics.counter(LOCK_REFUSALS).increment();
    }

    /** A failure emptied a bucket of this kind ({@link org.kazooauth.core.lock.LockSubject#kind()}). */
    public static void lockedOut(String bucketKind) {
        Metrics.counter(LOCKOUTS, "bucket", bucketKind).increment();
    }

    public static void unlocked() {
        Metrics.counter(UNLOCKS).increment();
    }

    public static void rateLimited() {
        Metrics.counter(RATE_LIMIT_REFUSALS).increment();
    }
}
