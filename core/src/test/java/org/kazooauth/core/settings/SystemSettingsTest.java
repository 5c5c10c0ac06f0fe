package org.kazooauth.core.settings;

import org.junit.jupiter.api.Test;
import org.kazooauth.core.config.AuthConfigSchema;
import org.kazooauth.core.keycloak.KazooNames;
import org.kazooauth.core.lock.LockSettings;
import org.kazooauth.core.lock.RateLimitSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SystemSettingsTest {

    @Test
    void everyAttributeTheReadersUseIsASetting() {
        Set<String> settings = SystemSettings.ALL.stream().map(SystemSetting::attribute).collect(Collectors.toSet());
        List<String> read = new ArrayList<>();
        Function<String, String> recording = name -> {
            read.add(name);
            return "true";
        };
        LockSettings.of(recording, AuthConfigSchema.MODULES, problem -> { });
        RateLimitSettings.of(recording, AuthConfigSchema.MODULES, problem -> { });
        read.addAll(List.of(KazooNames.DEFAULT_MFA_PROVIDER_ATTRIBUTE, KazooNames.ATTEMPT_RETENTION_DAYS_ATTRIBUTE,
                KazooNames.CROSSBAR_CLIENT_ATTRIBUTE));
        assertTrue(settings.containsAll(read), () -> "missing from the tab: " + read.stream()
                .filter(name -> !settings.contains(name)).toList());
        assertEquals(settings.size(), SystemSettings.ALL.size(), "one setting per attribute");
    }

    @Test
    void theDefaultsShownAreTheDefaultsApplied() {
        Map<String, String> defaults = new HashMap<>();
        SystemSettings.ALL.forEach(setting -> defaults.put(setting.attribute(), setting.defaultValue()));
        defaults.put(LockSettings.ENABLED, "true");
        defaults.put(RateLimitSettings.ENABLED, "true");
        Map<String, String> onlySwitches = Map.of(LockSettings.ENABLED, "true", RateLimitSettings.ENABLED, "true");
        List<String> problems = new ArrayList<>();
        assertEquals(LockSettings.of(onlySwitches::get, AuthConfigSchema.MODULES, problems::add),
                LockSettings.of(defaults::get, AuthConfigSchema.MODULES, problems::add));
        assertEquals(RateLimitSettings.of(onlySwitches::get, AuthConfigSchema.MODULES, problems::add),
                RateLimitSettings.of(defaults::get, AuthConfigSchema.MODULES, problems::add));
        assertEquals(List.of(), problems);
        assertEquals(Map.of(), SystemSettings.problems(SystemSetting::defaultValue));
    }

    @Test
    void valuesTheReadersWouldIgnoreAreRefusedWithTheRule() {
        Map<String, String> form = Map.of(
                LockSettings.ENABLED, "yes",
                LockSettings.MAX_BUCKET_TOKENS, "0",
                LockSettings.TOKENS_FILL_TIME, "fortnight",
                LockSettings.SCOPE, "everyone",
                LockSettings.WAIT_MS, "ten",
                KazooNames.ATTEMPT_RETENTION_DAYS_ATTRIBUTE, "-1",
                KazooNames.DEFAULT_MFA_PROVIDER_ATTRIBUTE, "sms");
        Map<String, String> problems = SystemSettings.problems(setting -> form.get(setting.attribute())).entrySet()
                .stream().collect(Collectors.toMap(entry -> entry.getKey().attribute(), Map.Entry::getValue));
        assertEquals(Map.of(
                LockSettings.ENABLED, "must be true or false",
                LockSettings.MAX_BUCKET_TOKENS, "must be at least 1",
                LockSettings.TOKENS_FILL_TIME, "tokens_fill_time must be second, minute, hour, day or a number of "
                        + "seconds, not 'fortnight'",
                LockSettings.SCOPE, "must be one of account, user, both",
                LockSettings.WAIT_MS, "must be a whole number",
                KazooNames.ATTEMPT_RETENTION_DAYS_ATTRIBUTE, "must be at least 0",
                KazooNames.DEFAULT_MFA_PROVIDER_ATTRIBUTE, "must be one of duo, hmac_totp"), problems);
    }

    @Test
    void aBlankValueRestoresTheDefaultAndFieldNamesHaveNoDots() {
        SystemSettings.ALL.forEach(setting -> {
            assertEquals(java.util.Optional.empty(), setting.problem(" "));
            assertTrue(!setting.field().contains("."), setting.field());
        });
        assertEquals("crossbar-auth-lock_account_on_failed_attempts",
                SystemSettings.named(LockSettings.ENABLED).field());
    }
}
