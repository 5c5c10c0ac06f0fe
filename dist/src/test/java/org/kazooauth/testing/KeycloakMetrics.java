package org.kazooauth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server's {@code /metrics} on its management interface, in Prometheus' text format, read as series. */
public final class KeycloakMetrics {

    /** One series: its name, its labels and its value now. */
    public record Series(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final URI metrics;
    private final HttpClient http = HttpClient.newHttpClient();

    public KeycloakMetrics(RunningKeycloak keycloak) {
        this.metrics = keycloak.managementUrl().resolve("/metrics");
    }

    public List<Series> all() {
        HttpResponse<String> reply;
        try {
            reply = http.send(HttpRequest.newBuilder(metrics).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (reply.statusCode() != 200) {
            throw new AssertionError(metrics + " answered " + reply.statusCode() + ": is Keycloak's metrics on?");
        }
        List<Series> all = new ArrayList<>();
        for (String line : reply.body().split("\n")) {
            Matcher series = LINE.matcher(line);
            if (!line.startsWith("#") && series.find()) {
                Map<String, String> labels = new LinkedHashMap<>();
                Matcher label = LABEL.matcher(series.group(2) == null ? "" : series.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                all.add(new Series(series.group(1), labels, Double.parseDouble(series.group(3))));
            }
        }
        return all;
    }

    /** The counter's value with exactly these labels ({@code name, value, …}); 0 while it was never counted. */
    public long counter(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return all().stream().filter(series -> series.name().equals(name) && series.labels().equals(wanted))
                .mapToLong(series -> (long) series.value()).sum();
    }
}
