package org.kazooauth.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.kazooauth.core.account.TreeFixture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigAttributesTest {

    private final List<String> problems = new ArrayList<>();

    @Test
    void leavesAreTypedByTheSchema() {
        ObjectNode config = ConfigAttributes.decode(Map.of(
                "kazoo.auth_modules.cb_user_auth.multi_factor.enabled", "TRUE",
                "kazoo.auth_modules.cb_user_auth.multi_factor.account_id", "a391d64a",
                "kazoo.auth_modules.cb_user_auth.token_auth_expiry_s", " 604800 ",
                "kazoo.auth_modules.cb_api_auth.enabled", "false"), problems::add);

        assertEquals(TreeFixture.parse("{\"auth_modules\":{"
                + "\"cb_api_auth\":{\"enabled\":false},"
                + "\"cb_user_auth\":{\"multi_factor\":{\"account_id\":\"a391d64a\",\"enabled\":true},"
                + "\"token_auth_expiry_s\":604800}}}"), config);
        assertTrue(config.at("/auth_modules/cb_user_auth/token_auth_expiry_s").isIntegralNumber());
        assertEquals(List.of(), problems);
    }

    @Test
    void noAttributesGiveAnEmptyConfig() {
        assertEquals(TreeFixture.parse("{}"),
                ConfigAttributes.decode(Map.of("kazoo.reseller", "true", "frontendUrl", "x"), problems::add));
        assertEquals(List.of(), problems);
    }

    @Test
    void unknownKeysAndBadValuesAreLeftOutAndReported() {
        ObjectNode config = ConfigAttributes.decode(Map.of(
                "kazoo.auth_modules.cb_user_auth.enabled", "yes",
                "kazoo.auth_modules.cb_user_auth.token_auth_expiry_s", "an hour",
                "kazoo.auth_modules.cb_made_up.enabled", "true",
                "kazoo.auth_modules.cb_user_auth.color", "blue",
                "kazoo.auth_modules.cb_user_auth", "true",
                "kazoo.auth_modules.cb_auth.enabled", "false"), problems::add);

        assertEquals(TreeFixture.parse("{\"auth_modules\":{\"cb_auth\":{\"enabled\":false}}}"), config);
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("cb_user_auth.enabled must be a boolean, not 'yes'")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("cb_made_up.enabled is not a field")),
                problems.toString());
    }

    @Test
    void encodeIsTheInverseOfDecode() {
        ObjectNode config = TreeFixture.parse("{\"auth_modules\":{\"cb_user_auth\":{\"enabled\":true,"
                + "\"token_auth_expiry_s\":60,\"multi_factor\":{\"enabled\":true,\"configuration_id\":\"c7\"}}}}");
        Map<String, String> attributes = ConfigAttributes.encode(config);

        assertEquals(Map.of(
                "kazoo.auth_modules.cb_user_auth.enabled", "true",
                "kazoo.auth_modules.cb_user_auth.token_auth_expiry_s", "60",
                "kazoo.auth_modules.cb_user_auth.multi_factor.enabled", "true",
                "kazoo.auth_modules.cb_user_auth.multi_factor.configuration_id", "c7"), attributes);
        assertEquals(config, ConfigAttributes.decode(attributes, problems::add));
    }
}
