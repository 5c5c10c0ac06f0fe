package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.DuoEmulator;
import org.kazooauth.testing.KazooHttp.Reply;
import org.kazooauth.testing.MultiFactorSteps;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Duo walkthrough, run as a reader would run it, against the Duo emulator: the emulator's client id,
 * secret and host stand in for the reader's Duo application, and this test plays the reader's part in the middle,
 * approving the printed {@code auth_url} at Duo and typing in the answer Keycloak's page shows.
 */
class ReadmeDuoWalkthroughIT extends DemoRealmIntegration {

    private static final Pattern BLOCK = Pattern.compile("<!-- tested-example: duo, interactive -->\\s*```bash\\n(.*?)```",
            Pattern.DOTALL);

    @Test
    void theDuoWalkthroughLogsEastUserInWithDuosAnswer() throws Exception {
        Path root = Path.of(System.getProperty("kazoo.project.root"));
        Matcher block = BLOCK.matcher(Files.readString(root.resolve("README.md")));
        assertTrue(block.find(), "the README has the Duo walkthrough");
        MultiFactorSteps steps = new MultiFactorSteps(http, keycloak);
        // the emulator's certificate is its own: the step pins it, as an operator behind a TLS proxy would; and no
        // health check another test's emulator answered is reused
        Map<String, JsonNode> stepsBefore = steps.set(Map.of("duo_ca_pins", DuoEmulator.certificatePin(),
                "duo_health_check_cache_seconds", "0"));
        try (DuoEmulator duo = DuoEmulator.start()) {
            ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", block.group(1))
                    .directory(root.toFile()).redirectErrorStream(true);
            builder.environment().putAll(Map.of("KC", keycloak.baseUrl().toString(), "DUO_IKEY", DuoEmulator.CLIENT_ID,
                    "DUO_SKEY", DuoEmulator.CLIENT_SECRET, "DUO_HOST", DuoEmulator.HOST));
            Process script = builder.start();
            StringBuilder output = new StringBuilder();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(script.getInputStream(),
                    StandardCharsets.UTF_8)); Writer in = new OutputStreamWriter(script.getOutputStream(),
                    StandardCharsets.UTF_8)) {
                String line;
                while ((line = out.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.startsWith("https://")) {
                        in.write(approve(line) + "\n");
                        in.flush();
                    }
                }
            }
            assertTrue(script.waitFor(60, TimeUnit.SECONDS), "the walkthrough finished within a minute");
            assertEquals(0, script.exitValue(), "the walkthrough failed:\n" + output);
            assertTrue(output.toString().contains("\"provider_name\":\"duo\""), "the config was switched on:\n" + output);
            assertEquals("east-user", duo.lastPromptedUsername(), "Duo was asked about east-user");
        } finally {
            steps.restore(stepsBefore);
        }
    }

    /** The reader's part: approve at Duo, then read the answer off Keycloak's page Duo sends the browser to. */
    private String approve(String authUrl) {
        URI back = DuoEmulator.approve(authUrl);
        assertTrue(back.toString().startsWith(keycloak.baseUrl() + "/realms/demo/kazoo/duo/callback?"), back.toString());
        Reply page = http.get(back.getRawPath() + "?" + back.getRawQuery());
        assertEquals(200, page.status(), page.toString());
        JsonNode answer = page.at("/data/multi_factor_response");
        assertNotNull(answer.get("duo_code"), page.toString());
        return answer.toString();
    }
}
