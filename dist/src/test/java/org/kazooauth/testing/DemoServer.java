package org.kazooauth.testing;

import java.util.Map;

/**
 * {@code ./run.sh}: a real Keycloak with the provider jar and the demo realm on an embedded file H2, on fixed
 * ports (8080, management 9000; override with KAZOO_HTTP_PORT / KAZOO_MANAGEMENT_PORT). Runs until Ctrl-C.
 */
public final class DemoServer {

    private DemoServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int httpPort = Integer.parseInt(System.getenv().getOrDefault("KAZOO_HTTP_PORT", "8080"));
        int managementPort = Integer.parseInt(System.getenv().getOrDefault("KAZOO_MANAGEMENT_PORT", "9000"));
        String adminPassword = System.getenv().getOrDefault("KAZOO_ADMIN_PASSWORD", "admin");
        RunningKeycloak keycloak = KeycloakLauncher.start(KeycloakLauncher.Settings.fromSystemProperties(
                "dev-file", httpPort, managementPort, adminPassword));
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::stop, "keycloak-stop"));

        String base = keycloak.baseUrl().toString();
        DemoRealm realm = DemoRealm.load();
        StringBuilder banner = new StringBuilder("\n")
                .append("Kazoo Auth for Keycloak is running.\n\n")
                .append("  Admin console      ").append(base).append("/admin/  (").append(keycloak.adminUser())
                .append(" / ").append(keycloak.adminPassword()).append(")\n")
                .append("  Demo realm login   ").append(base).append("/realms/demo/account/\n")
                .append("  Kazoo API          ").append(base).append("/realms/demo/kazoo/v2/security\n")
                .append("  Kazoo admin API    ").append(base).append("/admin/realms/demo/kazoo/v2/security\n\n")
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
