package org.kazooauth.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Users of Acme East made for the storms, as a call centre starting its shift: {@code agent-0} … with one
 * password, created through Keycloak's admin API and removed again.
 */
public final class Agents implements AutoCloseable {

    public static final String PASSWORD = "agent-password-1";

    private final KeycloakAdmin admin;
    private final List<String> ids = new ArrayList<>();

    private Agents(KeycloakAdmin admin) {
        this.admin = admin;
    }

    /** Creates {@code count} agents on the server {@code http} talks to. */
    public static Agents create(KazooHttp http, RunningKeycloak keycloak, int count) {
        Agents agents = new Agents(new KeycloakAdmin(http, keycloak));
        for (int i = 0; i < count; i++) {
            agents.ids.add(agents.admin.createUser("{\"username\":\"" + name(i)
                    + "\",\"enabled\":true,\"email\":\"" + name(i) + "@demo.kazooauth.invalid\",\"emailVerified\":true,"
                    + "\"firstName\":\"Agent\",\"lastName\":\"" + i + "\",\"groups\":[\"/Master Reseller/Acme/Acme East\"],"
                    + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + PASSWORD + "\",\"temporary\":false}]}"));
        }
        return agents;
    }

    public static String name(int i) {
        return "agent-" + i;
    }

    @Override
    public void close() {
        ids.forEach(admin::deleteUser);
    }
}
