package org.kazooauth.core.api;

/** The HTTP headers of the Kazoo API: one spelling for the endpoints that read or write them and the code that logs. */
public final class KazooHeaders {

    /** Kazoo's own token header, read beside {@code Authorization: Bearer}. */
    public static final String AUTH_TOKEN = "X-Auth-Token";

    /** The header a client sends its request id in, and the Kazoo API answers it in. */
    public static final String REQUEST_ID = "X-Request-ID";

    /** The pending link's id an SSO login answers when the identity is linked to nobody yet. */
    public static final String SSO_LINK_ID = "X-Kazoo-Link-Id";

    private KazooHeaders() {
    }
}
