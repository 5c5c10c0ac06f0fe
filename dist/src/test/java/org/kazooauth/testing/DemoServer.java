package org.kazooauth.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./run.sh}: a real Keycloak with the provider jar and the demo realm on an embedded file H2, on fixed
 * ports (8080, management 9000; override with KAZOO_HTTP_PORT / KAZOO_MANAGEMENT_PORT), and the demo app that
 * signs users in with it (port 3000, KAZOO_DEMO_APP_PORT). Runs until Ctrl-C.
 */
public final class DemoServer {

    private DemoServer() {
    }

    /**
     * Keycloak imports a realm only into a database that lacks it, so after test-realm/demo-realm.json changed
     * (a git pull, say) the demo would go on with the old realm. Start from a fresh database instead.
     */
    private static void forgetDatabaseIfTheRealmChanged(KeycloakLauncher.Settings settings) throws IOException {
        Path imported = settings.workDir().resolve("imported-realm.json");
        Path database = settings.home().resolve("data/h2");
        if (Files.exists(database) && (!Files.exists(imported) || Files.mismatch(imported, settings.realmFile()) != -1)) {
            System.out.println("[keycloak] the demo realm changed since the last run: starting with a fresh database");
            try (Stream<Path> files = Files.walk(database)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(settings.workDir());
        Files.copy(settings.realmFile(), imported, StandardCopyOption.REPLACE_EXISTING);
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        int httpPort = Integer.parseInt(System.getenv().getOrDefault("KAZOO_HTTP_PORT", "8080"));
        int managementPort = Integer.parseInt(System.getenv().getOrDefault("KAZOO_MANAGEMENT_PORT", "9000"));
        String adminPassword = System.getenv().getOrDefault("KAZOO_ADMIN_PASSWORD", "admin");
        KeycloakLauncher.Settings settings = KeycloakLauncher.Settings.fromSystemProperties(
                "dev-file", httpPort, managementPort, adminPassword);
        forgetDatabaseIfTheRealmChanged(settings);
        RunningKeycloak keycloak = KeycloakLauncher.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::stop, "keycloak-stop"));
        DemoApp app = DemoApp.start(keycloak.baseUrl(),
                Integer.parseInt(System.getenv().getOrDefault("KAZOO_DEMO_APP_PORT", "3000")));

        String base = keycloak.baseUrl().toString();
        DemoRealm realm = DemoRealm.load();
        StringBuilder banner = new StringBuilder("\n")
                .append("Kazoo Auth for Keycloak is running.\n\n")
                .append("  Demo app           ").append(app.url())
                .append("  (signs in with client kazoo-web: the Kazoo flow, PKCE)\n")
                .append("  Admin console      ").append(base).append("/admin/  (").append(keycloak.adminUser())
                .append(" / ").append(keycloak.adminPassword()).append(")\n")
                .append("  Demo realm login   ").append(base).append("/realms/demo/account/\n")
                .append("  Kazoo settings tab ").append(base).append("/admin/master/console/#/demo/realm-settings/kazoo\n")
                .append("  Kazoo API          ").append(base).append("/realms/demo/kazoo/v2/security\n")
                .append("  Kazoo admin API    ").append(base).append("/admin/realms/demo/kazoo/v2/security\n")
                .append("  OpenAPI            ").append(base).append("/realms/demo/kazoo/v2/openapi.json\n")
                .append("  Metrics            ").append(keycloak.managementUrl()).append("/metrics\n\n")
                .append("  Demo logins (realm demo; REST clients use client_id crossbar):\n");
        for (Map.Entry<String, String> user : realm.passwords().entrySet()) {
            banner.append(String.format("    %-15s %-18s %s%n", user.getKey(), user.getValue(),
                    realm.accountOf(user.getKey())));
        }
        banner.append("\n  Server log: ").append(keycloak.log()).append("\n  Stop with Ctrl-C.\n");
        System.out.println(banner);

        while (keycloak.isAlive()) {
            Thread.sleep(1000);
        }
        System.out.println("Keycloak stopped; see " + keycloak.log());
    }
}
