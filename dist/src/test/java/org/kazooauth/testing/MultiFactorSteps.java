package org.kazooauth.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of the demo realm's two Kazoo multi-factor steps (browser and direct grant), changed together
 * through Keycloak's admin API as an administrator would in the console.
 */
public final class MultiFactorSteps {

    private static final List<String> FLOWS = List.of("kazoo browser second factor", "kazoo direct grant second factor");

    private final KeycloakAdmin admin;

    public MultiFactorSteps(KazooHttp http, RunningKeycloak keycloak) {
        this.admin = new KeycloakAdmin(http, keycloak);
    }

    /** Sets the options on both steps ({@code null} removes one); returns both configs as they were. */
    public Map<String, JsonNode> set(Map<String, String> changes) {
        Map<String, JsonNode> before = new LinkedHashMap<>();
        for (String flow : FLOWS) {
            ObjectNode config = admin.authenticatorConfig(configId(flow));
            before.put(flow, config.deepCopy());
            ObjectNode options = config.withObjectProperty("config");
            changes.forEach((name, value) -> {
                if (value == null) {
                    options.remove(name);
                } else {
                    options.put(name, value);
                }
            });
            admin.updateAuthenticatorConfig(config);
        }
        return before;
    }

    /** Puts back the configs {@link #set} returned. */
    public void restore(Map<String, JsonNode> before) {
        before.values().forEach(config -> admin.updateAuthenticatorConfig((ObjectNode) config));
    }

    private String configId(String flow) {
        for (JsonNode execution : admin.executions(flow)) {
            if (execution.path("providerId").asText().startsWith("kazoo-multi-factor")) {
                return execution.path("authenticationConfig").asText();
            }
        }
        throw new IllegalStateException("no Kazoo multi-factor step with a config in flow " + flow);
    }
}
