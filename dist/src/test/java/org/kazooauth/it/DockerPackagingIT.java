package org.kazooauth.it;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker/ cannot be built here (no Docker engine), so these tests hold it to what the build really produces:
 * the jar name and path, the Keycloak version, and a compose file that parses into the expected stack.
 */
class DockerPackagingIT {

    private static final Path ROOT = Path.of(System.getProperty("kazoo.project.root")).toAbsolutePath().normalize();

    @Test
    void theDockerfileCopiesTheJarTheBuildProducesIntoTheTestedKeycloak() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
        String jarName = System.getProperty("kazoo.jar.name");

        Matcher copy = Pattern.compile("(?m)^COPY\\s+(\\S+)\\s+/opt/keycloak/providers/(\\S+)$").matcher(dockerfile);
        assertTrue(copy.find(), "the Dockerfile copies a jar into providers/");
        Path copied = ROOT.resolve(copy.group(1)).normalize();
        assertEquals(Path.of(System.getProperty("kazoo.jar")).toAbsolutePath().normalize(), copied,
                "the Dockerfile copies the jar the build writes");
        assertTrue(Files.isRegularFile(copied), copied + " exists after the build");
        assertEquals(jarName, copy.group(2));

        Matcher version = Pattern.compile("(?m)^ARG KEYCLOAK_VERSION=(\\S+)$").matcher(dockerfile);
        assertTrue(version.find());
        assertEquals(System.getProperty("keycloak.release"), version.group(1), "the image is the release the pack ships for");
        assertTrue(dockerfile.contains("FROM quay.io/keycloak/keycloak:${KEYCLOAK_VERSION} AS builder"));
        assertTrue(dockerfile.contains("kc.sh build --db=postgres"), "optimized for PostgreSQL");
        assertTrue(dockerfile.contains("COPY --from=builder /opt/keycloak/ /opt/keycloak/"), "multi-stage");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileRunsKeycloakOnPostgresWithTheDemoRealm() throws IOException {
        Path compose = ROOT.resolve("docker/compose.yaml");
        Map<String, Object> parsed = new Yaml().load(Files.readString(compose));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) parsed.get("services");
        assertEquals(List.of("postgres", "keycloak"), List.copyOf(services.keySet()));

        Map<String, Object> keycloak = services.get("keycloak");
        Map<String, Object> build = (Map<String, Object>) keycloak.get("build");
        Path context = compose.getParent().resolve((String) build.get("context")).normalize();
        assertEquals(ROOT, context, "built from the repository root");
        assertTrue(Files.isRegularFile(context.resolve((String) build.get("dockerfile"))));

        Map<String, Object> environment = (Map<String, Object>) keycloak.get("environment");
        assertTrue(((String) environment.get("KC_DB_URL")).startsWith("jdbc:postgresql://postgres:5432/"));
        Map<String, Object> dependsOn = (Map<String, Object>) keycloak.get("depends_on");
        assertEquals("service_healthy", ((Map<String, Object>) dependsOn.get("postgres")).get("condition"));
        assertTrue(((List<String>) keycloak.get("command")).contains("--import-realm"));

        String realmMount = ((List<String>) keycloak.get("volumes")).get(0);
        String[] parts = realmMount.split(":");
        assertTrue(Files.isRegularFile(compose.getParent().resolve(parts[0]).normalize()),
                "the mounted realm file exists: " + parts[0]);
        assertEquals("/opt/keycloak/data/import/demo-realm.json", parts[1]);

        String postgresImage = (String) services.get("postgres").get("image");
        assertTrue(postgresImage.startsWith("postgres:"), postgresImage);
    }
}
