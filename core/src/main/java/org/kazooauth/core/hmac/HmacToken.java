package org.kazooauth.core.hmac;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token in Prosody's format, {@code <TOTP><nonce> <base64(HMAC-SHA256(secret, otp + nonce + jid))>}, taken
 * apart. Parsing never throws: anything else is simply not a token (Prosody raised a Lua error instead).
 *
 * @param otp       the TOTP digits
 * @param nonce     the digits after them
 * @param signature the decoded HMAC
 */
public record HmacToken(String otp, String nonce, byte[] signature) {

    private static final Pattern FORMAT = Pattern.compile("(\\d+) ([A-Za-z0-9+/]+={0,2})");
    /** Far more than any real token; stops a huge input before any work is done on it. */
    static final int MAX_LENGTH = 512;

    /** Whether the text has a token's shape at all, before any setting is known. */
    public static boolean looksLike(String text) {
        return text != null && text.length() <= MAX_LENGTH && FORMAT.matcher(text.trim()).matches();
    }

    public static Optional<HmacToken> parse(String token, int digits) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(token.trim());
        if (!matcher.matches() || matcher.group(1).length() < digits) {
            return Optional.empty();
        }
        try {
            byte[] signature = Base64.getDecoder().decode(matcher.group(2));
            return Optional.of(new HmacToken(matcher.group(1).substring(0, digits),
                    matcher.group(1).substring(digits), signature));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
