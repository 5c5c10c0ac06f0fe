package org.kazooauth.core.attempt;

import org.kazooauth.core.api.KazooHeaders;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The request headers an attempt keeps: names lower-cased, credentials and session cookies dropped (Kazoo stored
 * {@code x-auth-token}, {@code authorization} and cookies, readable by anyone who may read the attempts), values
 * and the whole set capped so that no request can bloat the log.
 */
public final class ClientHeaders {

    static final Set<String> DROPPED = Set.of("authorization", KazooHeaders.AUTH_TOKEN.toLowerCase(Locale.ROOT),
            "cookie", "proxy-authorization", "set-cookie");
    static final int MAX_VALUE = 512;
    static final int MAX_HEADERS = 32;

    private ClientHeaders() {
    }

    public static Map<String, String> scrub(Map<String, String> headers) {
        Map<String, String> kept = new TreeMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!DROPPED.contains(lower) && value != null && kept.size() < MAX_HEADERS) {
                kept.put(lower, value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value);
            }
        });
        return kept;
    }
}
