package org.kazooauth.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's map of Kazoo endpoints and flow steps to code stays true: every file it names exists, every
 * {@code Class#method} it names is a method of that class, and every endpoint method of every resource class is in it.
 */
class ReadmeMapTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern FILE = Pattern.compile("`([a-z-]+/[^`]*\\.(?:java|xml|ftl))`");
    private static final Pattern ENTRY = Pattern.compile("`([A-Z][A-Za-z]*)?#([a-z][A-Za-z]*)`");
    private static final Pattern HTTP_METHOD = Pattern.compile(
            "@(?:GET|PUT|POST|PATCH|DELETE)\\s+(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*public \\w+ (\\w+)\\(");

    private static List<String> mapRows() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Kazoo endpoints and flow steps");
        assertTrue(start >= 0, "the README has its map");
        int end = readme.indexOf("\n## ", start + 3);
        return readme.substring(start, end).lines().filter(line -> line.startsWith("| ") && !line.startsWith("| Kazoo"))
                .toList();
    }

    /** Every Java source of the modules, by simple class name. */
    private static Map<String, Path> sources() throws IOException {
        Map<String, Path> sources = new TreeMap<>();
        for (String module : List.of("core", "authenticators", "realm-resources", "admin-rest")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> sources.put(
                        file.getFileName().toString().replace(".java", ""), file));
            }
        }
        return sources;
    }

    @Test
    void everyFileTheMapNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String row : mapRows()) {
            Matcher file = FILE.matcher(row);
            while (file.find()) {
                Path path = ROOT.resolve(file.group(1).replace("…", "src/main/java/org/kazooauth"));
                if (!Files.isRegularFile(path)) {
                    missing.add(file.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /** Each {@code Class#method} of the map; a bare {@code #method} is of the class named before it in its row. */
    private static List<String> entryPoints() throws IOException {
        List<String> named = new ArrayList<>();
        for (String row : mapRows()) {
            Matcher entry = ENTRY.matcher(row);
            String type = null;
            while (entry.find()) {
                type = entry.group(1) != null ? entry.group(1) : type;
                named.add(type + "#" + entry.group(2));
            }
        }
        return named;
    }

    @Test
    void everyEntryPointTheMapNamesIsAMethodOfItsClass() throws IOException {
        Map<String, Path> sources = sources();
        List<String> wrong = new ArrayList<>();
        for (String entry : entryPoints()) {
            String[] parts = entry.split("#");
            Path source = sources.get(parts[0]);
            boolean found = source != null && Pattern.compile("\\b" + parts[1] + "\\s*\\(")
                    .matcher(Files.readString(source)).find();
            if (!found) {
                wrong.add(entry);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyEndpointMethodOfEveryResourceIsOnTheMap() throws IOException {
        TreeSet<String> named = new TreeSet<>(entryPoints());
        TreeSet<String> unmapped = new TreeSet<>();
        int endpoints = 0;
        for (Map.Entry<String, Path> source : sources().entrySet()) {
            if (source.getKey().equals("UnknownEndpoint")) {
                continue; // every method answers the same 404; the map names it once
            }
            Matcher method = HTTP_METHOD.matcher(Files.readString(source.getValue()));
            while (method.find()) {
                endpoints++;
                if (!named.contains(source.getKey() + "#" + method.group(1))) {
                    unmapped.add(source.getKey() + "#" + method.group(1));
                }
            }
        }
        assertTrue(endpoints >= 40, "the seeds' endpoints are found in the sources: " + endpoints);
        assertEquals(new TreeSet<String>(), unmapped);
    }
}
