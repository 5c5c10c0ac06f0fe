package org.kazooauth.core.duo;

import java.util.regex.Pattern;

/**
 * What a Duo {@code api_hostname} may be: a host name only. The SDK puts {@code https://} before it and pins
 * certificates by host, so a scheme, a port or a path would break it in ways that only show at login.
 */
public final class DuoHosts {

    private static final Pattern HOST_NAME = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    public static final String RULE = "a host name such as api-xxxxxxxx.duosecurity.com, without scheme, port or path";

    private DuoHosts() {
    }

    public static boolean isHostName(String host) {
        return host != null && host.length() <= 253 && HOST_NAME.matcher(host).matches();
    }
}
