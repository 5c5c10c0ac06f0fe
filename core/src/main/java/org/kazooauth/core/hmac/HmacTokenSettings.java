package org.kazooauth.core.hmac;

import java.util.Objects;

/**
 * How HMAC-TOTP tokens are made and checked (Prosody's {@code mod_auth_token}, with its defaults).
 *
 * @param tokenSecret  the HMAC-SHA256 key, used as its UTF-8 bytes (not base32-decoded), as Prosody does; like
 *                     the seed, never in {@link #toString()}
 * @param otpSeed      the base32 TOTP seed
 * @param digits       TOTP digits (8)
 * @param interval     TOTP step in seconds (30)
 * @param deviation    steps accepted either side of now (1)
 * @param nonceLength  the fewest nonce digits accepted (16; Prosody accepted none)
 * @param jidPattern   the signed identity; {@code {username}} and {@code {realm}} are replaced
 */
public record HmacTokenSettings(String tokenSecret, String otpSeed, int digits, int interval, int deviation,
                                int nonceLength, String jidPattern) {

    public static final int DIGITS = 8;
    public static final int INTERVAL = 30;
    public static final int DEVIATION = 1;
    public static final int NONCE_LENGTH = 16;
    public static final String JID_PATTERN = "{username}@{realm}";

    public HmacTokenSettings {
        Objects.requireNonNull(tokenSecret, "tokenSecret");
        Objects.requireNonNull(otpSeed, "otpSeed");
        if (digits < 6 || digits > 10 || interval < 1 || deviation < 0 || deviation > 10 || nonceLength < 0) {
            throw new IllegalArgumentException("digits 6-10, interval >= 1, deviation 0-10 and nonce length >= 0");
        }
    }

    /** Prosody's defaults, with a required nonce of 16 digits. */
    public static HmacTokenSettings of(String tokenSecret, String otpSeed) {
        return new HmacTokenSettings(tokenSecret, otpSeed, DIGITS, INTERVAL, DEVIATION, NONCE_LENGTH, JID_PATTERN);
    }

    /** From an {@code hmac_totp} provider config's settings, Prosody's defaults where they say nothing. */
    public static HmacTokenSettings of(com.fasterxml.jackson.databind.JsonNode settings) {
        return new HmacTokenSettings(settings.path("token_secret").asText(), settings.path("otp_seed").asText(),
                settings.path("digits").asInt(DIGITS), settings.path("interval").asInt(INTERVAL),
                settings.path("deviation").asInt(DEVIATION), settings.path("nonce_length").asInt(NONCE_LENGTH),
                settings.path("jid_pattern").asText(JID_PATTERN));
    }

    /** Without the secret and the seed: settings may end up in a log line. */
    @Override
    public String toString() {
        return "HmacTokenSettings[digits=" + digits + ", interval=" + interval + ", deviation=" + deviation
                + ", nonceLength=" + nonceLength + ", jidPattern=" + jidPattern + "]";
    }

    public String jid(String username, String realm) {
        return jidPattern.replace("{username}", username).replace("{realm}", realm);
    }

    /** How long a token can be accepted: every step of the window, so a replay store keeps it that long. */
    public long validitySeconds() {
        return (long) interval * (2L * deviation + 1);
    }
}
