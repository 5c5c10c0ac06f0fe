package org.kazooauth.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The options of the demo realm's two Kazoo multi-factor steps (browser and direct grant), changed together
 * through Keycloak's admin API as an administrator would in the console.
 */
public final class MultiFactorSteps {

    private static final List<String> FLOWS = List.of("kazoo browser second factor", "kazoo direct grant second factor");

    private final KazooHttp http;
    private final RunningKeycloak keycloak;

    public MultiFactorSteps(KazooHttp http, RunningKeycloak keycloak) {
        this.http = http;
        this.keycloak = keycloak;
    }

    /** Sets the options on both steps ({@code null} removes one); returns both configs as they were. */
    public Map<String, JsonNode> set(Map<String, String> changes) {
        String admin = http.adminToken(keycloak);
        Map<String, JsonNode> before = new LinkedHashMap<>();
        for (String flow : FLOWS) {
            String path = "/admin/realms/" + DemoRealm.NAME + "/authentication/config/" + configId(admin, flow);
            ObjectNode config = (ObjectNode) http.get(path, KazooHttp.bearer(admin)).json();
            before.put(path, config.deepCopy());
            ObjectNode options = config.withObjectProperty("config");
            changes.forEach((name, value) -> {
                if (value == null) {
                    options.remove(name);
                } else {
                    options.put(name, value);
                }
            });
            put(admin, path, config);
        }
        return before;
    }

    /** Puts back the configs {@link #set} returned. */
    public void restore(Map<String, JsonNode> before) {
        String admin = http.adminToken(keycloak);
        before.forEach((path, config) -> put(admin, path, config));
    }

    private void put(String admin, String path, JsonNode config) {
        KazooHttp.Reply updated = http.request("PUT", path, config.toString(), KazooHttp.bearer(admin));
        assertEquals(204, updated.status(), updated.toString());
    }

    private String configId(String admin, String flow) {
        JsonNode executions = http.get("/admin/realms/" + DemoRealm.NAME + "/authentication/flows/"
                + flow.replace(" ", "%20") + "/executions", KazooHttp.bearer(admin)).json();
        for (JsonNode execution : executions) {
            if (execution.path("providerId").asText().startsWith("kazoo-multi-factor")) {
                return execution.path("authenticationConfig").asText();
            }
        }
        throw new IllegalStateException("no Kazoo multi-factor step with a config in flow " + flow);
    }
}
