package org.kazooauth.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Headless Chromium (Debian's chromium and chromium-driver) driven over the W3C WebDriver protocol: enough to fill
 * and submit Keycloak's pages as a person would, read them, and keep screenshots as test output.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("kazoo.work.dir", "target"), "screenshots");

    private final Process driver;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String session;

    public HeadlessChromium() {
        if (!Files.isExecutable(Path.of("/usr/bin/chromedriver")) || !Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            throw new IllegalStateException("headless browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver (./test.sh installs them when run as root)");
        }
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            driver = new ProcessBuilder("/usr/bin/chromedriver", "--port=" + port).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            base = URI.create("http://127.0.0.1:" + port);
            session = startSession();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String startSession() {
        ObjectNode options = KazooHttp.JSON.createObjectNode();
        options.put("binary", "/usr/bin/chromium");
        options.set("args", KazooHttp.JSON.valueToTree(List.of("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1000,900",
                // the Duo emulator's certificate is its own
                "--ignore-certificate-errors")));
        ObjectNode body = KazooHttp.JSON.createObjectNode();
        body.putObject("capabilities").putObject("alwaysMatch").put("browserName", "chrome")
                .set("goog:chromeOptions", options);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                return call("POST", "/session", body).path("sessionId").asText();
            } catch (UncheckedIOException notListeningYet) {
                if (System.nanoTime() > deadline) {
                    throw notListeningYet;
                }
                pause(200);
            }
        }
    }

    public void open(String url) {
        call("POST", "/session/" + session + "/url", KazooHttp.JSON.createObjectNode().put("url", url));
    }

    public void type(String css, String text) {
        call("POST", element(css) + "/value", KazooHttp.JSON.createObjectNode().put("text", text));
    }

    public void click(String css) {
        call("POST", element(css) + "/click", KazooHttp.JSON.createObjectNode());
    }

    /** The page's HTML as it is now. */
    public String page() {
        return call("GET", "/session/" + session + "/source", null).asText();
    }

    public String currentUrl() {
        return call("GET", "/session/" + session + "/url", null).asText();
    }

    /** Waits until an element matches {@code css} (Keycloak's pages load after a redirect or two). */
    public void waitFor(String css) {
        element(css);
    }

    /** Waits up to 15 s for {@code condition}, failing with the page when it never holds. */
    public void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited 15 s for " + what + " on " + currentUrl() + ":\n" + page());
            }
            pause(200);
        }
    }

    /** Saves a screenshot as test output, {@code target/.../screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode(call("GET", "/session/" + session + "/screenshot", null)
                    .asText()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String element(String css) {
        ObjectNode query = KazooHttp.JSON.createObjectNode().put("using", "css selector").put("value", css);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                return "/session/" + session + "/element/" + call("POST", "/session/" + session + "/element", query)
                        .path(ELEMENT).asText();
            } catch (IllegalStateException notThereYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no element '" + css + "' on " + currentUrl() + ":\n" + page(),
                            notThereYet);
                }
                pause(200);
            }
        }
    }

    private JsonNode call(String method, String path, JsonNode body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode value = KazooHttp.JSON.readTree(response.body()).path("value");
            if (response.statusCode() != 200) {
                throw new IllegalStateException("WebDriver " + method + " " + path + ": " + value.path("message"));
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            call("DELETE", "/session/" + session, null);
        } catch (RuntimeException ignored) {
            // the driver goes anyway
        }
        KeycloakLauncher.stopTree(driver.toHandle());
    }
}
