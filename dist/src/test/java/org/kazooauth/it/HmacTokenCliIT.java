package org.kazooauth.it;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token generator runs from the built provider jar with Keycloak's libraries, as the README shows. */
class HmacTokenCliIT {

    @Test
    void theJarMakesTheSeedsToken() throws Exception {
        Path keycloakLibs = Path.of(System.getProperty("keycloak.home"), "lib", "lib", "main");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("kazoo.jar") + ":" + keycloakLibs + "/*",
                "org.kazooauth.core.hmac.HmacTokenCli", "generate", "--user", "alice", "--realm", "example.com",
                "--time", "1700000000", "--nonce", "12345678901234567890123456789012").redirectErrorStream(true);
        builder.environment().put("KAZOO_TOKEN_SECRET", "JYXEX4IQOEYFYQ2S3MC5P4ZT4SDHYEA7");
        builder.environment().put("KAZOO_OTP_SEED", "XVGR73KMZH2M4XMY");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, process.exitValue(), output);
        assertEquals("8095230912345678901234567890123456789012 SgVXyiioJnpYP0nrmp9dVoCAT3T+3AXnrRpzbTvxI7w=", output);
    }
}
