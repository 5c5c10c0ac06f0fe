package org.kazooauth.authn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keys of Keycloak's single-use store: a prefix and the SHA-256 of the parts, so what a key stands for (a token,
 * a Duo state) never appears in the store's key space as it is.
 */
final class StoreKeys {

    private StoreKeys() {
    }

    static String of(String prefix, String... parts) {
        try {
            return prefix + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
