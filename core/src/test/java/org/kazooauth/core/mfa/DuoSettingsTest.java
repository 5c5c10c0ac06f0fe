package org.kazooauth.core.mfa;

import org.junit.jupiter.api.Test;
import org.kazooauth.core.hmac.HmacTokenSettings;
import org.kazooauth.core.json.Json;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class DuoSettingsTest {

    @Test
    void kazoosNamesWithItsDefaults() {
        DuoSettings duo = DuoSettings.of(Json.read("{\"integration_key\":\"DIXXXXXXXXXXXXXXXXXX\","
                + "\"secret_key\":\"s3cret-s3cret-s3cret-s3cret-s3cret-s3cre\",\"api_hostname\":\"api-1.duosecurity.com\"}"));
        assertEquals("DIXXXXXXXXXXXXXXXXXX", duo.integrationKey());
        assertEquals("s3cret-s3cret-s3cret-s3cret-s3cret-s3cre", duo.secretKey());
        assertEquals("api-1.duosecurity.com", duo.apiHostname());
        assertEquals(Optional.empty(), duo.redirectUri(), "the pack's own page");
        assertEquals(Duration.ofSeconds(300), duo.stateLifetime(), "Kazoo's duo_expire");
    }

    @Test
    void aHandOffGetsAtLeastAMinuteAndABlankRedirectIsNone() {
        DuoSettings duo = DuoSettings.of(Json.read("{\"duo_expire\":5,\"redirect_uri\":\" \"}"));
        assertEquals(Duration.ofSeconds(60), duo.stateLifetime());
        assertEquals(Optional.empty(), duo.redirectUri());
        assertEquals(Optional.of("https://app.example/duo"),
                DuoSettings.of(Json.read("{\"redirect_uri\":\"https://app.example/duo\"}")).redirectUri());
    }

    @Test
    void noSecretInTheirText() {
        String duo = DuoSettings.of(Json.read("{\"integration_key\":\"DI1\",\"secret_key\":\"duo-secret\"}")).toString();
        assertFalse(duo.contains("duo-secret"), duo);
        String hmac = HmacTokenSettings.of("token-secret", "JBSWY3DPEHPK3PXP").toString();
        assertFalse(hmac.contains("token-secret") || hmac.contains("JBSWY3DPEHPK3PXP"), hmac);
    }
}
