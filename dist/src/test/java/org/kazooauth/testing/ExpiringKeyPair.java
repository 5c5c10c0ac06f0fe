package org.kazooauth.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * An RSA key pair with a self-signed certificate that stops being valid at a chosen instant, made by the JDK's own
 * {@code keytool}: what an operator imports into a realm as an {@code rsa} key provider, before it expires.
 *
 * @param privateKey the PKCS#8 key, base64 (Keycloak's key providers read it with or without PEM armour)
 * @param certificate the X.509 certificate, base64
 */
public record ExpiringKeyPair(String privateKey, String certificate) {

    private static final char[] PASSWORD = "changeit".toCharArray();

    /** A pair whose certificate is valid from a day before {@code expiry} until {@code expiry}. */
    public static ExpiringKeyPair until(Instant expiry) throws Exception {
        Path directory = Files.createTempDirectory("expiring-key");
        Path store = directory.resolve("key.p12");
        try {
            // keytool takes the start in the machine's zone and the validity in whole days
            String start = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneId.systemDefault())
                    .format(expiry.minus(Duration.ofDays(1)));
            Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                    .toString(), "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12",
                    "-storepass", new String(PASSWORD), "-alias", "key", "-keyalg", "RSA", "-keysize", "2048",
                    "-dname", "CN=expiring", "-startdate", start, "-validity", "1"))
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD);
            }
            PrivateKey key = (PrivateKey) keys.getKey("key", PASSWORD);
            Certificate certificate = keys.getCertificate("key");
            Base64.Encoder base64 = Base64.getEncoder();
            return new ExpiringKeyPair(base64.encodeToString(key.getEncoded()),
                    base64.encodeToString(certificate.getEncoded()));
        } finally {
            Files.deleteIfExists(store);
            Files.deleteIfExists(directory);
        }
    }
}
