package org.kazooauth.testing;

import org.kazooauth.testing.KazooHttp.Reply;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Users of Acme East made for the storms, as a call centre starting its shift: {@code agent-0} … with one
 * password, created through Keycloak's admin API and removed again.
 */
public final class Agents implements AutoCloseable {

    public static final String PASSWORD = "agent-password-1";

    private final KazooHttp http;
    private final String adminToken;
    private final List<String> ids = new ArrayList<>();

    private Agents(KazooHttp http, String adminToken) {
        this.http = http;
        this.adminToken = adminToken;
    }

    /** Creates {@code count} agents on the server {@code http} talks to. */
    public static Agents create(KazooHttp http, RunningKeycloak keycloak, int count) {
        Agents agents = new Agents(http, http.adminToken(keycloak));
        for (int i = 0; i < count; i++) {
            Reply created = http.request("POST", "/admin/realms/demo/users", "{\"username\":\"" + name(i)
                    + "\",\"enabled\":true,\"email\":\"" + name(i) + "@demo.kazooauth.invalid\",\"emailVerified\":true,"
                    + "\"firstName\":\"Agent\",\"lastName\":\"" + i + "\",\"groups\":[\"/Master Reseller/Acme/Acme East\"],"
                    + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + PASSWORD + "\",\"temporary\":false}]}",
                    KazooHttp.bearer(agents.adminToken));
            assertEquals(201, created.status(), created.toString());
            String location = created.headers().firstValue("Location").orElseThrow();
            agents.ids.add(location.substring(location.lastIndexOf('/') + 1));
        }
        return agents;
    }

    public static String name(int i) {
        return "agent-" + i;
    }

    @Override
    public void close() {
        for (String id : ids) {
            http.request("DELETE", "/admin/realms/demo/users/" + id, null, KazooHttp.bearer(adminToken));
        }
    }
}
