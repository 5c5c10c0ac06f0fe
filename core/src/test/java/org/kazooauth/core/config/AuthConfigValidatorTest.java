package org.kazooauth.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.kazooauth.core.account.TreeFixture;
import org.kazooauth.core.api.KazooException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.kazooauth.core.config.AuthConfigValidator.Mode.PATCH;
import static org.kazooauth.core.config.AuthConfigValidator.Mode.REPLACE;

class AuthConfigValidatorTest {

    private static JsonNode errors(String json, AuthConfigValidator.Mode mode) {
        KazooException error = assertThrows(KazooException.class,
                () -> AuthConfigValidator.validate(TreeFixture.parse(json), mode));
        assertEquals(400, error.status());
        assertEquals("validation failed", error.kazooMessage());
        return error.data();
    }

    @Test
    void theSeedsExamplesAreValidAndKeptAsSent() {
        String seed = "{\"auth_modules\":{\"cb_user_auth\":{\"token_auth_expiry_s\":604800},"
                + "\"cb_api_auth\":{\"enabled\":false}}}";
        assertEquals(TreeFixture.parse(seed), AuthConfigValidator.validate(TreeFixture.parse(seed), REPLACE));

        String mfa = "{\"auth_modules\":{\"cb_user_auth\":{\"multi_factor\":{\"enabled\":true,"
                + "\"configuration_id\":\"c757665dca55edba2395df3ca6423f4f\","
                + "\"account_id\":\"a391d64a083b99232f6d2633c47432e3\"}}}}";
        assertEquals(TreeFixture.parse(mfa), AuthConfigValidator.validate(TreeFixture.parse(mfa), REPLACE));
    }

    @Test
    void anEmptyReplacementIsAnErrorNotAllTheDefaults() {
        assertEquals("Field is required but missing", errors("{}", REPLACE).at("/auth_modules/required/message").asText());
        assertEquals(TreeFixture.parse("{}"), AuthConfigValidator.validate(TreeFixture.parse("{}"), PATCH));
    }

    @Test
    void unknownModulesFieldsAndTopLevelKeysAreRejected() {
        JsonNode errors = errors("{\"auth_modules\":{\"cb_nope\":{},\"cb_auth\":{\"colour\":\"red\","
                + "\"multi_factor\":{\"provider\":\"duo\"}}},\"extra\":1}", REPLACE);
        assertEquals(4, errors.size(), errors.toString());
        for (String field : new String[]{"auth_modules.cb_nope", "auth_modules.cb_auth.colour",
                "auth_modules.cb_auth.multi_factor.provider", "extra"}) {
            assertEquals("Strict checking of data is enabled; only include schema-defined properties",
                    errors.path(field).path("additionalProperties").path("message").asText(), field);
        }
    }

    @Test
    void typesAreCheckedAndEveryErrorIsReported() {
        JsonNode errors = errors("{\"auth_modules\":{\"cb_user_auth\":{\"enabled\":\"yes\","
                + "\"token_auth_expiry_s\":1.5,\"multi_factor\":{\"account_id\":7,\"include_subaccounts\":null}},"
                + "\"cb_api_auth\":[]}}", PATCH);
        assertEquals("Value did not match type(s): boolean",
                errors.at("/auth_modules.cb_user_auth.enabled/type/message").asText());
        assertEquals("yes", errors.at("/auth_modules.cb_user_auth.enabled/type/value").asText());
        assertEquals("integer", errors.at("/auth_modules.cb_user_auth.token_auth_expiry_s/type/target").asText());
        assertEquals("string", errors.at("/auth_modules.cb_user_auth.multi_factor.account_id/type/target").asText());
        assertEquals("boolean",
                errors.at("/auth_modules.cb_user_auth.multi_factor.include_subaccounts/type/target").asText());
        assertEquals("object", errors.at("/auth_modules.cb_api_auth/type/target").asText());
        assertEquals(5, errors.size(), errors.toString());
    }

    @Test
    void aTokenLifetimeBelowOneSecondIsRejected() {
        JsonNode errors = errors("{\"auth_modules\":{\"cb_user_auth\":{\"token_auth_expiry_s\":0}}}", REPLACE);
        assertEquals("Value must be at least 1",
                errors.at("/auth_modules.cb_user_auth.token_auth_expiry_s/minimum/message").asText());
    }

    @Test
    void whatTheApiReturnsCanBeSentBack() {
        ObjectNode echoed = TreeFixture.parse("{\"id\":\"configs_crossbar.auth\",\"auth_modules\":{\"cb_user_auth\":"
                + "{\"multi_factor\":{\"enabled\":true,\"_read_only\":{\"name\":\"x\",\"provider_name\":\"duo\"}}}}}");
        assertEquals(TreeFixture.parse("{\"auth_modules\":{\"cb_user_auth\":{\"multi_factor\":{\"enabled\":true}}}}"),
                AuthConfigValidator.validate(echoed, REPLACE));
    }
}
