package org.kazooauth.core.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;

/** The pack's version and the name of the node answering, for the envelope's {@code version} and {@code node}. */
public final class PackInfo {

    public static final String VERSION;
    /** Like Kazoo's node hash: the base64 of the node name ({@code jboss.node.name}, else the host name). */
    public static final String NODE;

    static {
        Properties properties = new Properties();
        try (InputStream in = PackInfo.class.getResourceAsStream("pack.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VERSION = properties.getProperty("version", "unknown");
        NODE = Base64.getEncoder().encodeToString(nodeName().getBytes(StandardCharsets.UTF_8));
    }

    private PackInfo() {
    }

    private static String nodeName() {
        String configured = System.getProperty("jboss.node.name");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
