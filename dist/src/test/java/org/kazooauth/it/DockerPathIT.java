package org.kazooauth.it;

import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealm;
import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.KeycloakLauncher;
import org.kazooauth.testing.PostgresDatabase;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What {@code docker/Dockerfile} and {@code docker/compose.yaml} do, done without Docker on the official
 * distribution the tests unpack: the Dockerfile's {@code COPY} of the jar into {@code providers/} and its
 * {@code RUN kc.sh build} with its {@code ENV}, then the compose service's command, environment and realm mount
 * against this machine's PostgreSQL (only the database host, the database's name and the published ports differ),
 * until the compose file's own healthcheck passes; then the imported demo realm serves logins and the Kazoo API.
 * Runs with the postgres profile; where Docker exists, {@code KeycloakContainerIT} builds the image itself.
 */
class DockerPathIT {

    private static final Path ROOT = Path.of(System.getProperty("kazoo.project.root")).toAbsolutePath().normalize();
    private static final String IMAGE_HOME = "/opt/keycloak";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration HEALTHY_TIMEOUT = Duration.ofMinutes(4);

    @Test
    @SuppressWarnings("unchecked")
    void theImageStepsBuildAKeycloakThatStartsOnPostgresWithTheDemoRealm() throws Exception {
        Path work = Path.of(System.getProperty("kazoo.work.dir")).resolve("docker-path");
        Path home = work.resolve("keycloak");
        copyTree(Path.of(System.getProperty("keycloak.home")), home);

        String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile")).replace("\\\n", " ");
        Matcher copy = Pattern.compile("(?m)^COPY\\s+(\\S+)\\s+" + IMAGE_HOME + "(/providers/\\S+)$").matcher(dockerfile);
        assertTrue(copy.find(), "the Dockerfile copies the jar into providers/");
        Files.copy(ROOT.resolve(copy.group(1)), Path.of(home + copy.group(2)), StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> imageEnvironment = environmentOf(dockerfile);
        Matcher run = Pattern.compile("(?m)^RUN\\s+(" + IMAGE_HOME + "/bin/kc\\.sh build.*)$").matcher(dockerfile);
        assertTrue(run.find(), "the Dockerfile runs kc.sh build");
        Process build = process(home, List.of("bash", "-c", run.group(1).replace(IMAGE_HOME, home.toString())),
                imageEnvironment, work.resolve("build.log"));
        assertTrue(build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "kc.sh build ends");
        assertEquals(0, build.exitValue(), "kc.sh build: " + Files.readString(work.resolve("build.log")));

        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker/compose.yaml")));
        Map<String, Object> service = ((Map<String, Map<String, Object>>) compose.get("services")).get("keycloak");
        Map<String, String> environment = new LinkedHashMap<>();
        ((Map<String, Object>) service.get("environment")).forEach((key, value) -> environment.put(key, value.toString()));
        String database = "kazoo_docker_" + ProcessHandle.current().pid();
        String composeUrl = environment.get("KC_DB_URL");
        assertTrue(composeUrl.startsWith("jdbc:postgresql://postgres:5432/"), composeUrl);
        environment.put("KC_DB_URL", PostgresDatabase.SERVER + database);
        String realmMount = ((List<String>) service.get("volumes")).get(0);
        String[] mount = realmMount.split(":");
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(ROOT.resolve("docker").resolve(mount[0]).normalize(),
                Path.of(mount[1].replace(IMAGE_HOME, home.toString())), StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> imported = Files.list(imports)) {
            assertTrue(imported.findAny().isPresent(), "the realm is mounted where --import-realm reads");
        }

        int http = KeycloakLauncher.freePort();
        int management = KeycloakLauncher.freePort();
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString()));
        command.addAll((List<String>) service.get("command"));
        command.addAll(List.of("--http-host=127.0.0.1", "--http-port=" + http, "--http-management-port=" + management));
        List<String> healthcheck = (List<String>) ((Map<String, Object>) service.get("healthcheck")).get("test");
        assertEquals("CMD", healthcheck.get(0));
        List<String> probe = healthcheck.subList(1, healthcheck.size()).stream()
                .map(part -> part.replace("127.0.0.1/9000", "127.0.0.1/" + management)
                        .replace("127.0.0.1/8080", "127.0.0.1/" + http)).toList();

        createDatabase(environment.get("KC_DB_USERNAME"), environment.get("KC_DB_PASSWORD"), database);
        Process keycloak = process(home, command, environment, work.resolve("keycloak.log"));
        try {
            awaitHealthy(keycloak, probe, work.resolve("keycloak.log"));
            KazooHttp client = new KazooHttp(URI.create("http://127.0.0.1:" + http));
            DemoRealm demo = DemoRealm.load();
            KazooHttp.Reply login = client.passwordGrant("demo", "crossbar", "east-user", demo.password("east-user"));
            assertEquals(200, login.status(), "a demo user logs in: " + login);
            KazooHttp.Reply security = client.get("/realms/demo/kazoo/v2/security",
                    KazooHttp.bearer(login.json().path("access_token").asText()));
            assertEquals(200, security.status(), "the pack serves the Kazoo API: " + security);
            assertEquals("success", security.at("/status").asText());
            assertEquals(401, client.get("/realms/demo/kazoo/v2/security").status(), "and refuses strangers");
        } finally {
            KeycloakLauncher.stopTree(keycloak.toHandle());
            PostgresDatabase.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** The Dockerfile's {@code ENV} pairs. */
    private static Map<String, String> environmentOf(String dockerfile) {
        Map<String, String> environment = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^ENV\\s+(.*)$").matcher(dockerfile);
        while (line.find()) {
            Matcher pair = Pattern.compile("(\\w+)=(\\S+)").matcher(line.group(1));
            while (pair.find()) {
                environment.put(pair.group(1), pair.group(2));
            }
        }
        assertTrue(environment.containsKey("KC_DB"), "the image is built for a database: " + environment);
        return environment;
    }

    private static Process process(Path home, List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs the compose healthcheck as Docker would, every second, until it passes. */
    private static void awaitHealthy(Process keycloak, List<String> probe, Path log) throws Exception {
        long deadline = System.nanoTime() + HEALTHY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!keycloak.isAlive()) {
                fail("Keycloak exited while starting: " + tail(log));
            }
            Process check = new ProcessBuilder(probe).redirectErrorStream(true).start();
            if (check.waitFor(5, TimeUnit.SECONDS) && check.exitValue() == 0) {
                return;
            }
            check.destroyForcibly();
            Thread.sleep(1_000);
        }
        fail("the compose healthcheck never passed: " + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** The compose file's database user and an empty database it owns, as the postgres image makes them. */
    private static void createDatabase(String user, String password, String database) {
        try {
            PostgresDatabase.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
        } catch (IllegalStateException exists) {
            // made by an earlier run
        }
        PostgresDatabase.execute("CREATE DATABASE " + database + " OWNER " + user);
    }

    /** A fresh copy of the distribution, its files' permissions kept, without a data folder of an earlier run. */
    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path relative = from.relativize(source);
                if (relative.startsWith("data")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
