package org.kazooauth.core.api;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackInfoTest {

    @Test
    void theVersionComesFromTheBuild() {
        assertTrue(PackInfo.VERSION.matches("\\d+\\.\\d+\\.\\d+.*"), PackInfo.VERSION);
    }

    @Test
    void theNodeIsTheBase64OfANodeName() {
        assertFalse(new String(Base64.getDecoder().decode(PackInfo.NODE), StandardCharsets.UTF_8).isBlank());
    }
}
