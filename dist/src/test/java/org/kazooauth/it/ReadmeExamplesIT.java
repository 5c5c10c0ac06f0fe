package org.kazooauth.it;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kazooauth.testing.KeycloakServerExtension;
import org.kazooauth.testing.RunningKeycloak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every README block marked {@code <!-- tested-example -->} with bash against the test server, as a reader
 * would against {@code ./run.sh}: each must exit 0 ({@code curl -f}, {@code jq -e} and {@code set -e} make a wrong
 * answer fail) and print something other than {@code null}.
 */
@ExtendWith(KeycloakServerExtension.class)
class ReadmeExamplesIT {

    private static final Pattern EXAMPLE = Pattern.compile("<!-- tested-example -->\\s*```bash\\n(.*?)```",
            Pattern.DOTALL);

    @TestFactory
    List<DynamicTest> readmeCurlExamplesWork(RunningKeycloak keycloak) throws IOException {
        Path readme = Path.of(System.getProperty("kazoo.project.root"), "README.md");
        Matcher matcher = EXAMPLE.matcher(Files.readString(readme));
        List<DynamicTest> examples = new ArrayList<>();
        while (matcher.find()) {
            String script = matcher.group(1);
            String title = script.lines().filter(l -> l.contains("curl")).skip(1).findFirst().orElse(script).trim();
            examples.add(DynamicTest.dynamicTest(title, () -> run(script, keycloak)));
        }
        assertTrue(examples.size() >= 3, "the README's curl examples are marked for this test");
        return examples;
    }

    private static void run(String script, RunningKeycloak keycloak) throws Exception {
        // from the repository root, as a reader runs them; the distribution is the test server's, not ./run.sh's
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true)
                .directory(Path.of(System.getProperty("kazoo.project.root")).toFile());
        builder.environment().put("KC", keycloak.baseUrl().toString());
        builder.environment().put("KC_HOME", System.getProperty("keycloak.home"));
        builder.environment().put("KC_ADMIN_PASSWORD", keycloak.adminPassword());
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the example finished within a minute");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "the example failed:\n" + script + "\noutput:\n" + output);
        assertFalse(output.isBlank(), "the example printed nothing");
        assertTrue(output.lines().noneMatch("null"::equals), "the example printed null:\n" + output);
    }
}
