package org.kazooauth.bench;

import org.kazooauth.core.hmac.HmacTokenSettings;
import org.kazooauth.core.hmac.HmacTokens;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** P4: one check of a Prosody-format HMAC-TOTP token, as the login path runs it (parse, TOTP window, HMAC). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HmacVerifyBenchmark {

    private HmacTokens tokens;
    private String token;
    private Instant now;

    @Setup
    public void makeToken() {
        tokens = new HmacTokens(HmacTokenSettings.of(BenchSetup.TOKEN_SECRET, BenchSetup.OTP_SEED));
        now = Instant.now();
        token = tokens.generate("bench-mfa-0@demo", now);
    }

    @Benchmark
    public HmacTokens.Check verify() {
        return tokens.check(token, "bench-mfa-0@demo", now);
    }
}
