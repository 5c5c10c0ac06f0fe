package org.kazooauth.bench;

import org.kazooauth.core.hmac.HmacTokenSettings;
import org.kazooauth.core.hmac.HmacTokens;
import org.kazooauth.testing.KazooHttp;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

/**
 * P1: logins on the token endpoint, stock Keycloak beside the Kazoo flow on the same server, every login with
 * credentials of its own (a fresh HMAC token; an OTP code its user has not used in its 30 s window).
 */
final class LoginBench {

    /** The four logins compared; the stock password + OTP login is the anchor the budget is stated against. */
    static final String STOCK_PASSWORD = "stock password";
    static final String STOCK_OTP = "stock password + OTP";
    static final String KAZOO_PASSWORD = "Kazoo flow password";
    static final String KAZOO_HMAC = "Kazoo flow password + HMAC";
    /** The JIT compilers' CPU a login at or below which they count as settled ({@link #warmUp}). */
    static final double SETTLED_JIT_MILLIS = 1.0;

    private final KazooHttp http;
    private final int usersEach;
    private final OtpUsers otpUsers;
    private final HmacTokens tokens = new HmacTokens(HmacTokenSettings.of(BenchSetup.TOKEN_SECRET, BenchSetup.OTP_SEED));

    LoginBench(KazooHttp http, int usersEach, int otpUsers) {
        this.http = http;
        this.usersEach = usersEach;
        this.otpUsers = new OtpUsers(otpUsers);
    }

    /** Each login by name: the i-th login of it, answering whether a token came back. */
    Map<String, IntFunction<Callable<Boolean>>> logins() {
        Map<String, IntFunction<Callable<Boolean>>> logins = new LinkedHashMap<>();
        logins.put(STOCK_PASSWORD, i -> () -> token("stock", "bench", "stock-" + i % usersEach, Map.of()));
        logins.put(STOCK_OTP, i -> () -> {
            OtpUsers.Use use = otpUsers.take();
            return token("stock", "bench", "stock-otp-" + use.user(),
                    Map.of("totp", Totp.code(BenchSetup.OTP_SECRET_PREFIX + use.user(), use.window())));
        });
        logins.put(KAZOO_PASSWORD, i -> () -> token("demo", "crossbar", "bench-plain-" + i % usersEach, Map.of()));
        logins.put(KAZOO_HMAC, i -> () -> {
            String user = "bench-mfa-" + i % usersEach;
            return token("demo", "crossbar", user, Map.of("multi_factor_response",
                    tokens.generate(user + "@demo", Instant.now())));
        });
        return logins;
    }

    private boolean token(String realm, String client, String username, Map<String, String> extra) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password", "client_id", client,
                "username", username, "password", BenchSetup.PASSWORD));
        form.putAll(extra);
        return http.form("/realms/" + realm + "/protocol/openid-connect/token", form).status() == 200;
    }

    /** Runs every login {@code perRound} times a round, in an order that turns each round. */
    static Map<String, Load.Sample> alternate(Map<String, IntFunction<Callable<Boolean>>> operations, int rounds,
                                              int perRound, int concurrency, ProcessCpu server, Duration settle)
            throws Exception {
        Map<String, Load.Sample> merged = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            round(operations, round, "round " + (round + 1) + "/" + rounds, perRound, concurrency, server, settle)
                    .forEach((name, sample) -> merged.merge(name, sample, Load.Sample::merge));
        }
        return merged;
    }

    /**
     * Unmeasured rounds until the JIT compilers have settled: at least {@code fewest}, then on until a round in
     * which they spent at most {@link #SETTLED_JIT_MILLIS} a login of every kind, or {@code most} rounds ran. Code
     * that only one kind of login runs is compiled late, as it runs in one round of four: stopping sooner measures
     * the compilers working for that login (beside its CPU, on the same cores) rather than the login.
     *
     * @return the rounds run
     */
    static int warmUp(Map<String, IntFunction<Callable<Boolean>>> operations, int fewest, int most, int perRound,
                      int concurrency, ProcessCpu server, Duration settle) throws Exception {
        int round = 0;
        boolean settled = false;
        while (round < most && !(settled && round >= fewest)) {
            settled = round(operations, round, "warm-up round " + (round + 1), perRound, concurrency, server, settle)
                    .values().stream().allMatch(sample -> sample.compilerMillisPerOperation() <= SETTLED_JIT_MILLIS);
            round++;
        }
        if (round > 0) {
            System.out.printf("[bench] warm-up: %d rounds, the JIT compilers %s%n", round,
                    settled ? "settled" : "still busy after the most allowed (-Dbench.warmupMax)");
        }
        return round;
    }

    private static Map<String, Load.Sample> round(Map<String, IntFunction<Callable<Boolean>>> operations, int round,
                                                  String label, int perRound, int concurrency, ProcessCpu server,
                                                  Duration settle) throws Exception {
        Map<String, Load.Sample> samples = new LinkedHashMap<>();
        List<String> names = List.copyOf(operations.keySet());
        for (int k = 0; k < names.size(); k++) {
            String name = names.get((k + round) % names.size());
            LocalTime began = LocalTime.now(ZoneOffset.UTC);
            Load.Sample sample = Load.run(name, concurrency, perRound, operations.get(name), server, settle);
            // the times (UTC, as a flight recording prints them) tell a recording's samples by login
            System.out.printf("[bench] %s  %-28s median %7.1f ms  p99 %7.1f ms  %5.1f/s  CPU %6.1f ms/op"
                            + " (JIT %4.1f)  refused %d  %s–%s%n", label, name, sample.medianMillis(),
                    sample.p99Millis(), sample.throughput(), sample.cpuMillisPerOperation(),
                    sample.compilerMillisPerOperation(), sample.refused(), began, LocalTime.now(ZoneOffset.UTC));
            samples.put(name, sample);
        }
        return samples;
    }

    /** Hands out OTP users so that none uses a code twice: each logs in at most once per 30 s window. */
    static final class OtpUsers {

        record Use(int user, long window) {
        }

        private final long[] lastWindow;
        private int cursor;

        OtpUsers(int users) {
            lastWindow = new long[users];
            java.util.Arrays.fill(lastWindow, -1);
        }

        Use take() throws InterruptedException {
            while (true) {
                synchronized (this) {
                    long window = Totp.window(System.currentTimeMillis());
                    for (int tried = 0; tried < lastWindow.length; tried++) {
                        int user = cursor++ % lastWindow.length;
                        if (lastWindow[user] != window) {
                            lastWindow[user] = window;
                            return new Use(user, window);
                        }
                    }
                }
                Thread.sleep(200);
            }
        }
    }
}
