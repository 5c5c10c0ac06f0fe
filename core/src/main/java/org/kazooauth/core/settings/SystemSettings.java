package org.kazooauth.core.settings;

import org.kazooauth.core.config.AuthConfigSchema;
import org.kazooauth.core.keycloak.KazooNames;
import org.kazooauth.core.lock.BucketSettings;
import org.kazooauth.core.lock.LockScope;
import org.kazooauth.core.lock.LockSettings;
import org.kazooauth.core.lock.RateLimitSettings;
import org.kazooauth.core.mfa.ProviderKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.kazooauth.core.settings.SystemSetting.Type.BOOLEAN;
import static org.kazooauth.core.settings.SystemSetting.Type.CHOICE;
import static org.kazooauth.core.settings.SystemSetting.Type.CLIENT;
import static org.kazooauth.core.settings.SystemSetting.Type.INTEGER;
import static org.kazooauth.core.settings.SystemSetting.Type.TEXT;
import static org.kazooauth.core.settings.SystemSetting.anything;
import static org.kazooauth.core.settings.SystemSetting.atLeast;

/**
 * Every system-only setting of the pack, in the order the admin console's Kazoo tab shows them. The readers
 * ({@link LockSettings}, {@link RateLimitSettings}, …) own the attribute names; this list adds what an
 * administrator needs to set them: labels, help, types and the rules a value must meet.
 */
public final class SystemSettings {

    public static final List<SystemSetting> ALL = build();

    private SystemSettings() {
    }

    /** The settings whose value in {@code values} cannot be stored, with the reason; empty when all can. */
    public static Map<SystemSetting, String> problems(Function<SystemSetting, String> values) {
        Map<SystemSetting, String> problems = new LinkedHashMap<>();
        for (SystemSetting setting : ALL) {
            setting.problem(values.apply(setting)).ifPresent(problem -> problems.put(setting, problem));
        }
        return problems;
    }

    /** The setting stored in realm attribute {@code attribute}. */
    public static SystemSetting named(String attribute) {
        return ALL.stream().filter(setting -> setting.attribute().equals(attribute)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no system setting " + attribute));
    }

    private static List<SystemSetting> build() {
        List<SystemSetting> all = new ArrayList<>();
        all.add(new SystemSetting(LockSettings.ENABLED, "Lock accounts on failed logins",
                "Kazoo's crossbar.auth lock_account_on_failed_attempts: each failed login drains a token bucket, and "
                        + "an empty bucket refuses logins (401 account_is_locked) until it refills or a reseller "
                        + "unlocks it. Off by default, as in Kazoo.", BOOLEAN, "false", List.of(), anything()));
        all.add(new SystemSetting(LockSettings.SCOPE, "Lock scope",
                "Whose bucket a failed login drains: the user's account (Kazoo's behaviour), only the user, or both "
                        + "(either one being empty locks).", CHOICE, LockScope.ACCOUNT.kazooName(),
                Arrays.stream(LockScope.values()).map(LockScope::kazooName).toList(), anything()));
        all.addAll(bucket(LockSettings.MAX_BUCKET_TOKENS, LockSettings.TOKENS_FILL_RATE, LockSettings.TOKENS_FILL_TIME,
                "Lock bucket", BucketSettings.recommended()));
        for (String module : AuthConfigSchema.MODULES) {
            all.add(new SystemSetting(LockSettings.TOKEN_COST_PREFIX + module, "Cost of a " + module + " login",
                    "Kazoo's crossbar.token_costs for " + module + ": tokens one failed login through this module "
                            + "drains from the lock bucket, and one login request from the rate-limit bucket.",
                    INTEGER, Long.toString(BucketSettings.COST), List.of(), atLeast(1)));
        }
        all.add(new SystemSetting(LockSettings.WAIT_MS, "Wait for logins in flight (ms)",
                "How long a login may wait while the same bucket's logins in flight hold the tokens it needs, "
                        + "before it is answered 'busy, try again' (never 'locked': only recorded failures lock). "
                        + "0 answers at once.", INTEGER, Long.toString(LockSettings.DEFAULT_WAIT.toMillis()), List.of(),
                atLeast(0)));
        all.add(new SystemSetting(LockSettings.KNOWN_DEVICE_DAYS, "Known devices (days)",
                "Days a browser that completed a user's login stays that user's known device, whose attempts pay "
                        + "into a bucket of their own, so an attacker elsewhere cannot lock the user out of it. "
                        + "0 switches known devices off (Kazoo's behaviour).", INTEGER, "0", List.of(), atLeast(0)));
        all.add(new SystemSetting(RateLimitSettings.ENABLED, "Rate-limit login requests",
                "Kazoo's crossbar rate limit: every login request pays into a bucket per client address and "
                        + "account, and an empty bucket answers 429 Too Many Requests. Off by default.", BOOLEAN,
                "false", List.of(), anything()));
        all.addAll(bucket(RateLimitSettings.MAX_BUCKET_TOKENS, RateLimitSettings.TOKENS_FILL_RATE,
                RateLimitSettings.TOKENS_FILL_TIME, "Rate-limit bucket", RateLimitSettings.KAZOO_BUCKET));
        all.add(new SystemSetting(KazooNames.DEFAULT_MFA_PROVIDER_ATTRIBUTE, "Default second-factor provider",
                "Kazoo's auth default_multi_factor_provider: the provider an account's multi-factor settings use "
                        + "when they name no configuration.", CHOICE, KazooNames.DEFAULT_MFA_PROVIDER,
                Arrays.stream(ProviderKind.values()).map(ProviderKind::providerName).toList(), anything()));
        all.add(new SystemSetting(KazooNames.ATTEMPT_RETENTION_DAYS_ATTRIBUTE, "Keep login attempts (days)",
                "Days login attempts are kept for GET /v2/accounts/{id}/security/attempts; older ones are deleted "
                        + "every hour. 0 keeps none.", INTEGER,
                Integer.toString(KazooNames.DEFAULT_ATTEMPT_RETENTION_DAYS), List.of(), atLeast(0)));
        all.add(new SystemSetting(KazooNames.CROSSBAR_CLIENT_ATTRIBUTE, "Crossbar client",
                "The client PUT /v2/user_auth issues tokens for (Kazoo's crossbar). It needs direct access grants; "
                        + "the Kazoo API accepts its tokens.", CLIENT, KazooNames.DEFAULT_CROSSBAR_CLIENT, List.of(),
                anything()));
        return List.copyOf(all);
    }

    private static List<SystemSetting> bucket(String maxTokens, String fillRate, String fillTime, String label,
                                              BucketSettings defaults) {
        return List.of(
                new SystemSetting(maxTokens, label + ": size", "Tokens the bucket holds when full (Kazoo's "
                        + "max_bucket_tokens).", INTEGER, Long.toString(defaults.maxTokens()), List.of(), atLeast(1)),
                new SystemSetting(fillRate, label + ": refill", "Tokens added back at the end of each fill time "
                        + "(Kazoo's tokens_fill_rate).", INTEGER, Long.toString(defaults.fillRate()), List.of(),
                        atLeast(1)),
                new SystemSetting(fillTime, label + ": fill time", "Kazoo's tokens_fill_time: second, minute, hour "
                        + "or day, or a number of seconds.", TEXT, kazooWord(defaults), List.of(),
                        SystemSettings::fillTimeProblem));
    }

    private static String kazooWord(BucketSettings defaults) {
        return switch ((int) defaults.fillTime().toSeconds()) {
            case 1 -> "second";
            case 60 -> "minute";
            case 3600 -> "hour";
            case 86400 -> "day";
            default -> Long.toString(defaults.fillTime().toSeconds());
        };
    }

    private static Optional<String> fillTimeProblem(String text) {
        try {
            return BucketSettings.fillTime(text).toSeconds() >= 1 ? Optional.empty()
                    : Optional.of("must be at least one second");
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
