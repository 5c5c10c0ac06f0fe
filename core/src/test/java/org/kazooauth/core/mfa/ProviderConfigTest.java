package org.kazooauth.core.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.kazooauth.core.account.TreeFixture;
import org.kazooauth.core.api.KazooException;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderConfigTest {

    private static final String SEED = "{\"name\":\"another nice day\",\"enabled\":true,\"provider_name\":\"duo\","
            + "\"settings\":{\"integration_key\":\"DIXXXXXXXXXXXXXXXXXX\",\"secret_key\":\"skey-secret\","
            + "\"application_secret_key\":\"akey-secret\",\"api_hostname\":\"api-x.duosecurity.com\","
            + "\"duo_expire\":300,\"app_expire\":3600}}";

    private static ProviderConfig validate(String json, Optional<ProviderConfig> stored) {
        return ProviderConfigValidator.validate(TreeFixture.parse(json), stored, "c1", Optional.of("acme"));
    }

    private static JsonNode errors(String json) {
        KazooException error = assertThrows(KazooException.class, () -> validate(json, Optional.empty()));
        assertEquals("validation failed", error.kazooMessage());
        return error.data();
    }

    @Test
    void theSeedsDuoConfigIsValidAndItsSecretsAreNeverAnswered() {
        ProviderConfig config = validate(SEED, Optional.empty());
        assertEquals("skey-secret", config.settings().get("secret_key").asText(), "kept for the provider");
        ObjectNode document = config.document();
        assertEquals(ProviderKind.MASK, document.at("/settings/secret_key").asText());
        assertEquals(ProviderKind.MASK, document.at("/settings/application_secret_key").asText());
        assertEquals("DIXXXXXXXXXXXXXXXXXX", document.at("/settings/integration_key").asText());
        assertEquals(300, document.at("/settings/duo_expire").asInt());
        assertFalse(document.toString().contains("secret\""), document.toString());
        assertEquals("{\"id\":\"c1\",\"enabled\":true,\"name\":\"another nice day\",\"provider_name\":\"duo\","
                + "\"provider_type\":\"multi_factor\"}", config.summary().toString());
    }

    @Test
    void aMaskedSecretSentBackKeepsTheStoredOne() {
        ProviderConfig stored = validate(SEED, Optional.empty());
        ProviderConfig again = validate(SEED.replace("skey-secret", ProviderKind.MASK), Optional.of(stored));
        assertEquals("skey-secret", again.settings().get("secret_key").asText());
        assertTrue(errors(SEED.replace("skey-secret", ProviderKind.MASK))
                .has("settings.secret_key"), "nothing stored: the mask is refused");
    }

    @Test
    void requiredFieldsTypesAndProvidersAreChecked() {
        JsonNode errors = errors("{\"provider_name\":\"sms\",\"enabled\":\"yes\",\"extra\":1}");
        assertEquals("Field is required but missing", errors.at("/name/required/message").asText());
        assertEquals("Value not found in enumerated list of values", errors.at("/provider_name/enum/message").asText());
        assertTrue(errors.has("enabled") && errors.has("extra"), errors.toString());

        JsonNode duo = errors("{\"name\":\"n\",\"provider_name\":\"duo\",\"settings\":{\"integration_key\":\"x\","
                + "\"secret_key\":7,\"duo_expire\":-1}}");
        assertTrue(duo.has("settings.api_hostname"), duo.toString());
        assertTrue(duo.has("settings.secret_key"), duo.toString());
        assertFalse(duo.at("/settings.secret_key/type").has("value"), "a secret is never echoed, even a bad one");
        assertTrue(duo.has("settings.duo_expire"), duo.toString());
    }

    @Test
    void duosApiHostnameIsAHostNameOnly() {
        for (String bad : new String[]{"https://api-x.duosecurity.com", "api-x.duosecurity.com:443",
                "api-x.duosecurity.com/", "-api.duosecurity.com", "api x.duosecurity.com"}) {
            JsonNode errors = errors(SEED.replace("api-x.duosecurity.com", bad));
            assertEquals("must be a host name such as api-xxxxxxxx.duosecurity.com, without scheme, port or path",
                    errors.at("/settings.api_hostname/pattern/message").asText(), bad + ": " + errors);
        }
        assertEquals("127.0.0.1", validate(SEED.replace("api-x.duosecurity.com", "127.0.0.1"), Optional.empty())
                .settings().get("api_hostname").asText());
    }

    @Test
    void enabledDefaultsToTrue() {
        assertTrue(validate("{\"name\":\"n\",\"provider_name\":\"hmac_totp\",\"settings\":{\"token_secret\":\"t\","
                + "\"otp_seed\":\"XVGR73KMZH2M4XMY\"}}", Optional.empty()).enabled());
    }

    @Test
    void seed000sBodyWithProviderTypeAndNoNameIsAccepted() {
        ProviderConfig config = validate("{\"provider_name\":\"duo\",\"provider_type\":\"multi_factor\","
                + "\"enabled\":true,\"settings\":{\"integration_key\":\"DIKEY\",\"secret_key\":\"skey\","
                + "\"application_secret_key\":\"akey\",\"api_hostname\":\"api-1.duosecurity.com\","
                + "\"duo_expire\":300,\"app_expire\":3600}}", Optional.empty());
        assertEquals("duo", config.name(), "named after its provider");
        assertTrue(errors("{\"name\":\"n\",\"provider_name\":\"duo\",\"provider_type\":\"sso\"}")
                .has("provider_type"), "another provider type is refused");
    }
}
