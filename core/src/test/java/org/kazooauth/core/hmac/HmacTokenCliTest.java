package org.kazooauth.core.hmac;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HmacTokenCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return HmacTokenCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheProsodyVectorWithSecretsFromTheEnvironment() {
        int status = run(Map.of("KAZOO_TOKEN_SECRET", "JYXEX4IQOEYFYQ2S3MC5P4ZT4SDHYEA7", "KAZOO_OTP_SEED", "XVGR73KMZH2M4XMY"),
                "generate", "--user", "alice", "--realm", "example.com", "--time", "1700000000",
                "--nonce", "12345678901234567890123456789012");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals("8095230912345678901234567890123456789012 SgVXyiioJnpYP0nrmp9dVoCAT3T+3AXnrRpzbTvxI7w=",
                out.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void explainsWhatIsMissingAndAnswers2() {
        assertEquals(2, run(Map.of(), "generate", "--user", "alice", "--realm", "example.com"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("token secret and OTP seed"));
        assertEquals(2, run(Map.of()));
        assertEquals(2, run(Map.of("KAZOO_TOKEN_SECRET", "s", "KAZOO_OTP_SEED", "XVGR73KMZH2M4XMY"),
                "generate", "--user", "a", "--realm", "r", "--digits", "eight"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
