package org.kazooauth.core.api;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Kazoo request ids: 32 lowercase hex digits, taken from the client's {@code X-Request-ID} when it sends one. */
public final class RequestIds {

    private static final Pattern VALID = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    /** The client's id when it is a valid Kazoo request id, a fresh one otherwise. */
    public static String accept(String fromClient) {
        return fromClient != null && VALID.matcher(fromClient).matches() ? fromClient : generate();
    }

    public static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
