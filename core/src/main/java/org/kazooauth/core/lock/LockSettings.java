package org.kazooauth.core.lock;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The account lock's system settings, read from realm attributes named after Kazoo's system configs (DESIGN §2).
 * Off unless switched on, as in Kazoo; when on, the bucket defaults to Kazoo's recommended settings rather than
 * to its generic bucket defaults, with which a lock lasted about a second.
 *
 * @param enabled whether failed logins drain buckets and empty buckets refuse logins
 * @param bucket  the bucket's size and refill
 * @param scope   whose bucket a failure drains
 * @param costs   the cost of a failure per auth module, where it differs from {@link BucketSettings#COST}
 * @param maxWait how long an attempt waits for logins in flight to settle when they hold the room it needs,
 *                before it is answered "busy, try again" (never "locked": only recorded failures lock)
 * @param knownDevices how long a browser that completed a user's login is that user's known device, whose
 *                attempts pay into a bucket of their own; {@link Duration#ZERO} when the option is off
 */
public record LockSettings(boolean enabled, BucketSettings bucket, LockScope scope, Map<String, Long> costs,
                           Duration maxWait, Duration knownDevices) {

    public static final String ENABLED = "kazoo.crossbar.auth.lock_account_on_failed_attempts";
    public static final String SCOPE = "kazoo.crossbar.auth.lock_scope";
    private static final String BUCKET = "kazoo.token_buckets.crossbar_auth_bucket.";
    public static final String MAX_BUCKET_TOKENS = BUCKET + "max_bucket_tokens";
    public static final String TOKENS_FILL_RATE = BUCKET + "tokens_fill_rate";
    public static final String TOKENS_FILL_TIME = BUCKET + "tokens_fill_time";
    /** Followed by the auth module: {@code kazoo.crossbar.token_costs.cb_user_auth}. */
    public static final String TOKEN_COST_PREFIX = "kazoo.crossbar.token_costs.";
    /** Milliseconds an attempt may wait for logins in flight; 0 answers "busy" at once. */
    public static final String WAIT_MS = "kazoo.crossbar.auth.lock_wait_ms";
    /** Days a known-device cookie lasts; unset or 0 switches known devices off (the default, Kazoo's behaviour). */
    public static final String KNOWN_DEVICE_DAYS = "kazoo.crossbar.auth.known_device_days";

    /** Long enough for a burst of 64 logins of one account on two cores, short enough to answer a client. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    public static final LockSettings OFF = new LockSettings(false, BucketSettings.recommended(), LockScope.ACCOUNT,
            Map.of(), DEFAULT_WAIT, Duration.ZERO);

    public LockSettings {
        costs = Map.copyOf(costs);
    }

    /** What a failed login through {@code module} costs. */
    public long cost(String module) {
        return costs.getOrDefault(module, BucketSettings.COST);
    }

    /**
     * The settings in {@code attribute} (a realm attribute by name, {@code null} when unset). A value that cannot
     * be used is reported to {@code problems} and its default is used instead, so a typo never switches the lock off.
     *
     * @param modules the auth modules whose costs to read
     */
    public static LockSettings of(Function<String, String> attribute, Iterable<String> modules, Consumer<String> problems) {
        AttributeReader read = new AttributeReader(attribute, problems);
        if (!read.on(ENABLED)) {
            return OFF;
        }
        BucketSettings bucket = read.bucket(BUCKET, BucketSettings.recommended());
        LockScope scope = read.value(SCOPE, LockScope.ACCOUNT, name -> LockScope.ofKazooName(name).orElseThrow(
                () -> new IllegalArgumentException("must be account, user or both")));
        Map<String, Long> costs = read.costs(modules);
        Duration maxWait = Duration.ofMillis(read.atLeast(WAIT_MS, 0, DEFAULT_WAIT.toMillis()));
        Duration knownDevices = Duration.ofDays(read.atLeast(KNOWN_DEVICE_DAYS, 0, 0));
        return new LockSettings(true, bucket, scope, costs, maxWait, knownDevices);
    }

    /** Whether browsers that completed a login become known devices with buckets of their own. */
    public boolean knownDevicesOn() {
        return enabled && !knownDevices.isZero();
    }
}
