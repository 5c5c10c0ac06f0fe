package org.kazooauth.testing;

import java.nio.file.Path;

/**
 * {@code scripts/cluster.sh}: the two-node cluster of the tests ({@link KeycloakCluster}) with the demo realm, on a
 * fresh PostgreSQL database that goes when it stops. Runs until Ctrl-C.
 */
public final class ClusterServer {

    private ClusterServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        KeycloakCluster cluster = KeycloakCluster.start(Path.of(System.getProperty("kazoo.cluster.dir")),
                System.getProperty("keycloak.dist.version"));
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "cluster-stop"));
        RunningKeycloak one = cluster.node(1);
        RunningKeycloak two = cluster.node(2);
        System.out.println("\nKazoo Auth for Keycloak is running on two nodes, one PostgreSQL database.\n\n"
                + "  Node 1 (also the front URL both nodes put in tokens)  " + one.baseUrl() + "\n"
                + "  Node 2                                               " + two.baseUrl() + "\n"
                + "  Admin console   " + one.baseUrl() + "/admin/  (" + one.adminUser() + " / " + one.adminPassword()
                + ")\n"
                + "  Cluster view    " + (cluster.viewOfTwoIn(one) ? "2 members" : "forming… (see the logs)") + "\n"
                + "  Logs            " + one.log() + "\n                  " + two.log() + "\n\n"
                + "  The demo logins are those of ./run.sh. Send requests to either node. Stop with Ctrl-C.\n");
        while (one.isAlive() || two.isAlive()) {
            Thread.sleep(1000);
        }
    }
}
