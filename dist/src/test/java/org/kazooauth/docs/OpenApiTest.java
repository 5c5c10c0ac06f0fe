package org.kazooauth.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.kazooauth.rest.KazooRoot;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI description against the code and the seeds: every resource method of the Kazoo tree is described
 * and every description is a resource method; every example (the seeds' own) fits its response's schema; every
 * reference resolves. {@code OpenApiIT} checks that the server serves it and that every described path answers.
 */
class OpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Set<String> VERBS = Set.of("get", "put", "post", "patch", "delete");

    private static JsonNode document() throws IOException {
        try (InputStream in = KazooRoot.class.getResourceAsStream("openapi.json")) {
            return JSON.readTree(in);
        }
    }

    @Test
    void everyResourceMethodIsDescribedAndEveryOperationIsAResourceMethod() throws IOException {
        TreeSet<String> routes = new TreeSet<>();
        collect(KazooRoot.class, "", routes);
        TreeSet<String> described = new TreeSet<>();
        document().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                verb -> described.add(verb.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertTrue(routes.size() >= 45, "the walk finds the tree: " + routes);
        assertEquals(routes, described);
    }

    /** The tree's routes below {@code prefix}: resource methods, and sub-resource locators followed. */
    private static void collect(Class<?> resource, String prefix, Set<String> routes) {
        for (Method method : resource.getDeclaredMethods()) {
            Path path = method.getAnnotation(Path.class);
            if (path == null || path.value().contains(".*") || path.value().contains(".+")) {
                continue; // catch-alls answer "no Kazoo endpoint"
            }
            String full = (prefix + "/" + path.value()).replaceAll("/+$", "");
            String verb = httpMethod(method);
            if (verb != null) {
                routes.add(verb + " " + full);
            } else {
                collect(method.getReturnType(), full, routes);
            }
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    @Test
    void theSeedsExamplesFitTheirSchemas() throws IOException {
        JsonNode document = document();
        List<String> misfits = new ArrayList<>();
        int examples = 0;
        for (Map.Entry<String, JsonNode> content : contents(document)) {
            JsonNode media = content.getValue();
            for (JsonNode example : media.path("examples")) {
                examples++;
                Set<ValidationMessage> problems = schema(document, media.path("schema")).validate(example.path("value"));
                if (!problems.isEmpty()) {
                    misfits.add(content.getKey() + ": " + problems);
                }
            }
        }
        assertTrue(examples >= 30, "the seeds' examples are in the description: " + examples);
        assertEquals(List.of(), misfits);
    }

    @Test
    void theSchemasRefuseWhatIsNotKazoos() throws IOException {
        JsonNode document = document();
        JsonNode error = JSON.readTree("{\"status\":\"error\",\"error\":\"401\",\"message\":\"invalid credentials\","
                + "\"data\":{},\"request_id\":\"r\",\"timestamp\":\"t\"}");
        assertTrue(schema(document, ref("ErrorEnvelope")).validate(error).isEmpty());
        assertFalse(schema(document, ref("Envelope")).validate(error).isEmpty(), "an error is no success");
        JsonNode unknownProvider = JSON.readTree("{\"name\":\"n\",\"provider_name\":\"sms\"}");
        assertFalse(schema(document, ref("MultiFactorConfig")).validate(unknownProvider).isEmpty());
    }

    @Test
    void everyOperationSaysWhatItDoesAndEveryReferenceResolves() throws IOException {
        JsonNode document = document();
        List<String> wanting = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (VERBS.contains(op.getKey()) && (op.getValue().path("summary").asText().isBlank()
                    || !op.getValue().path("responses").fieldNames().next().startsWith("2"))) {
                wanting.add(op.getKey() + " " + path.getKey());
            }
        }));
        assertEquals(List.of(), wanting, "a summary and a success answer each");
        List<String> dangling = new ArrayList<>();
        document.findValues("$ref").forEach(ref -> {
            if (document.at(ref.asText().substring(1)).isMissingNode()) {
                dangling.add(ref.asText());
            }
        });
        assertEquals(List.of(), dangling);
    }

    /** Every response body description: "METHOD path status media" → its media object. */
    private static List<Map.Entry<String, JsonNode>> contents(JsonNode document) {
        List<Map.Entry<String, JsonNode>> contents = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                op.getValue().path("responses").fields().forEachRemaining(response ->
                        response.getValue().path("content").fields().forEachRemaining(media -> contents.add(Map.entry(
                                op.getKey() + " " + path.getKey() + " " + response.getKey(), media.getValue()))))));
        return contents;
    }

    private static JsonNode ref(String schema) {
        return JSON.createObjectNode().put("$ref", "#/components/schemas/" + schema);
    }

    /** {@code schema} with the description's components beside it, where its references point. */
    private static JsonSchema schema(JsonNode document, JsonNode schema) {
        ObjectNode standalone = schema.deepCopy();
        standalone.set("components", document.path("components"));
        return SCHEMAS.getSchema(standalone);
    }
}
