package org.kazooauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kazooauth.testing.DemoRealmIntegration;
import org.kazooauth.testing.HeadlessChromium;
import org.kazooauth.testing.KazooHttp;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "Kazoo" tab of the admin console's realm settings, through the admin REST calls the console makes: the form
 * it renders from the server info, the component it loads and saves, the realm attributes a save writes, the 400
 * that refuses a bad value, and the form following a change made outside it. Then the tab itself in Chromium.
 */
class KazooSettingsTabIT extends DemoRealmIntegration {

    private static final String TAB_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";
    private static final List<String> TOUCHED = List.of(
            "kazoo.crossbar.auth.lock_account_on_failed_attempts",
            "kazoo.token_buckets.crossbar_auth_bucket.max_bucket_tokens",
            "kazoo.token_buckets.crossbar_auth_bucket.tokens_fill_time",
            "kazoo.crossbar.auth.lock_scope",
            "kazoo.crossbar.auth.lock_wait_ms",
            "kazoo.crossbar.client_id");

    private Map<String, String> before;

    @BeforeEach
    void remember() {
        JsonNode attributes = keycloakAdmin.representation().path("attributes");
        before = new HashMap<>();
        TOUCHED.forEach(name -> before.put(name, attributes.has(name) ? attributes.path(name).asText() : null));
    }

    @AfterEach
    void restore() {
        realmAttributes.set(before);
    }

    @Test
    void theConsoleRendersEverySettingAsATypedFieldWithHelp() {
        JsonNode tab = find(keycloakAdmin.serverInfo().path("componentTypes").path(TAB_TYPE), "id", "Kazoo");
        assertEquals("/:realm/realm-settings/:tab?", tab.at("/metadata/path").asText());
        assertEquals("kazoo", tab.at("/metadata/params/tab").asText());
        Map<String, JsonNode> fields = new HashMap<>();
        tab.path("properties").forEach(field -> fields.put(field.path("name").asText(), field));
        assertEquals("boolean", fields.get("crossbar-auth-lock_account_on_failed_attempts").path("type").asText());
        assertEquals("Integer", fields.get("token_buckets-crossbar_auth_bucket-max_bucket_tokens").path("type").asText());
        assertEquals("175", fields.get("token_buckets-crossbar_auth_bucket-max_bucket_tokens").path("defaultValue").asText());
        assertEquals("[\"account\",\"user\",\"both\"]", fields.get("crossbar-auth-lock_scope").path("options").toString());
        assertEquals("ClientList", fields.get("crossbar-client_id").path("type").asText());
        for (String module : List.of("cb_user_auth", "cb_api_auth", "cb_auth", "cb_ip_auth")) {
            assertTrue(fields.containsKey("crossbar-token_costs-" + module), module);
        }
        for (String setting : List.of("crossbar-auth-lock_wait_ms", "crossbar-auth-known_device_days",
                "crossbar-rate_limit_logins", "token_buckets-crossbar-max_bucket_tokens",
                "auth-default_multi_factor_provider", "crossbar-auth-login_attempts_retention_days")) {
            assertTrue(fields.containsKey(setting), setting);
        }
        fields.values().forEach(field -> assertTrue(field.path("helpText").asText().contains("realm attribute kazoo."),
                () -> "help names the attribute: " + field));
    }

    @Test
    void theImportedRealmsSettingsAreInTheFormFromTheStart() {
        JsonNode config = form().path("config");
        assertEquals("[\"crossbar\"]", config.path("crossbar-client_id").toString());
        assertEquals("[\"duo\"]", config.path("auth-default_multi_factor_provider").toString());
    }

    @Test
    void savingTheFormWritesTheRealmAttributes() {
        ObjectNode form = form();
        ObjectNode config = form.with("config");
        config.putArray("crossbar-auth-lock_account_on_failed_attempts").add("true");
        config.putArray("token_buckets-crossbar_auth_bucket-max_bucket_tokens").add(70);
        config.putArray("token_buckets-crossbar_auth_bucket-tokens_fill_time").add("minute");
        config.putArray("crossbar-auth-lock_scope").add("user");
        config.putArray("crossbar-auth-lock_wait_ms").add("");
        // the console adds its route's parameters to what it saves
        config.putArray("realm").add("demo");
        config.putArray("tab").add("kazoo");
        KazooHttp.Reply saved = keycloakAdmin.tryUpdateComponent(form);
        assertEquals(204, saved.status(), saved::toString);

        JsonNode attributes = keycloakAdmin.representation().path("attributes");
        assertEquals("true", attributes.path("kazoo.crossbar.auth.lock_account_on_failed_attempts").asText());
        assertEquals("70", attributes.path("kazoo.token_buckets.crossbar_auth_bucket.max_bucket_tokens").asText());
        assertEquals("minute", attributes.path("kazoo.token_buckets.crossbar_auth_bucket.tokens_fill_time").asText());
        assertEquals("user", attributes.path("kazoo.crossbar.auth.lock_scope").asText());
        assertTrue(attributes.path("kazoo.crossbar.auth.lock_wait_ms").isMissingNode(), "a blank field restores the default");
        assertEquals("crossbar", attributes.path("kazoo.crossbar.client_id").asText());
        assertEquals("[\"70\"]", form().at("/config/token_buckets-crossbar_auth_bucket-max_bucket_tokens").toString());
    }

    @Test
    void aValueThatCannotBeUsedIsRefusedAndNothingIsStored() {
        JsonNode attributesBefore = keycloakAdmin.representation().path("attributes");
        ObjectNode formBefore = form();
        ObjectNode form = formBefore.deepCopy();
        form.with("config").putArray("token_buckets-crossbar_auth_bucket-max_bucket_tokens").add("0");
        form.with("config").putArray("crossbar-auth-lock_scope").add("everyone");
        form.with("config").putArray("crossbar-client_id").add("no-such-client");
        form.with("config").putArray("token_buckets-crossbar_auth_bucket-tokens_fill_time").add("fortnight");
        KazooHttp.Reply refused = keycloakAdmin.tryUpdateComponent(form);

        assertEquals(400, refused.status(), refused::toString);
        String message = refused.json().path("errorMessage").asText();
        assertTrue(message.contains("Lock bucket: size must be at least 1"), message);
        assertTrue(message.contains("Lock scope must be one of account, user, both"), message);
        assertTrue(message.contains("Crossbar client names no client of realm demo"), message);
        assertTrue(message.contains("or a number of seconds, not 'fortnight'"), message);
        assertEquals(attributesBefore, keycloakAdmin.representation().path("attributes"));
        assertEquals(formBefore.path("config"), form().path("config"));
    }

    @Test
    void aChangeMadeOutsideTheTabShowsInTheForm() {
        realmAttributes.set(Map.of("kazoo.crossbar.auth.lock_wait_ms", "1234"));
        assertEquals("[\"1234\"]", form().at("/config/crossbar-auth-lock_wait_ms").toString());
        realmAttributes.set(Map.of("kazoo.crossbar.auth.lock_wait_ms", "ten"));
        assertEquals("[\"ten\"]", form().at("/config/crossbar-auth-lock_wait_ms").toString(),
                "the form shows what is stored, so saving it asks for a fix");
    }

    @Test
    void theTabInTheAdminConsole() {
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            chromium.open(keycloak.baseUrl() + "/admin/master/console/#/demo/realm-settings/kazoo");
            chromium.type("#username", keycloak.adminUser());
            chromium.type("#password", keycloak.adminPassword());
            chromium.click("#kc-login");
            // the console is a large single-page application: its first load on two cores takes a while
            chromium.waitUntil("the Kazoo tab's form", Duration.ofSeconds(60),
                    () -> chromium.page().contains("Lock accounts on failed logins"));
            assertTrue(chromium.page().contains("Crossbar client"));
            chromium.screenshot("admin-console-kazoo-tab");
        }
    }

    /** The tab's form as the console loads it: the realm's component of the tab's provider. */
    private ObjectNode form() {
        return (ObjectNode) find(keycloakAdmin.components(TAB_TYPE), "providerId", "Kazoo");
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        return StreamSupport.stream(list.spliterator(), false).filter(item -> value.equals(item.path(field).asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + list));
    }
}
