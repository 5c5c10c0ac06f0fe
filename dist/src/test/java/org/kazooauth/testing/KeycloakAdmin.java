package org.kazooauth.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Keycloak's own admin REST API as the tests use it, one typed method per call, for one realm (the demo realm
 * unless {@link #realm} says otherwise). Every call must succeed: a refusal fails the test with Keycloak's answer.
 * A delete succeeds when the thing is gone afterwards, so cleanups may run after a test removed it itself.
 * The master admin's token is fetched again once it is half way to its 60 s lifespan.
 */
public final class KeycloakAdmin {

    private static final long TOKEN_REUSE_NANOS = 30_000_000_000L;

    private final KazooHttp http;
    private final RunningKeycloak keycloak;
    private final String realm;
    private String token;
    private long tokenAt;

    public KeycloakAdmin(KazooHttp http, RunningKeycloak keycloak) {
        this(http, keycloak, DemoRealm.NAME);
    }

    private KeycloakAdmin(KazooHttp http, RunningKeycloak keycloak, String realm) {
        this.http = http;
        this.keycloak = keycloak;
        this.realm = realm;
    }

    /** The same API for another realm. */
    public KeycloakAdmin realm(String name) {
        return new KeycloakAdmin(http, keycloak, name);
    }

    // ---- the realm ----

    public JsonNode representation() {
        return get("");
    }

    public void update(JsonNode representation) {
        expect(204, http.request("PUT", path(""), representation.toString(), auth()));
    }

    /** Creates this realm from {@code representation} (JSON). */
    public void create(String representation) {
        expect(201, http.request("POST", "/admin/realms", representation, auth()));
    }

    public void delete() {
        gone(http.request("DELETE", path(""), null, auth()));
    }

    /** Keycloak's partial export (no users), secrets hidden as Keycloak hides them. */
    public KazooHttp.Reply partialExport() {
        return expect(200, http.request("POST", path("/partial-export"), null, auth()));
    }

    /** Keycloak's server info, as the admin console reads it: providers, component types and their forms. */
    public JsonNode serverInfo() {
        return expect(200, http.get("/admin/serverinfo", auth())).json();
    }

    // ---- events ----

    /** Login events, newest first; {@code query} as Keycloak's events endpoint takes it, e.g. {@code type=LOGIN}. */
    public JsonNode events(String query) {
        return get("/events?" + query);
    }

    /** Admin events, newest first; {@code query} e.g. {@code resourceTypes=USER_LOGIN_FAILURE}. */
    public JsonNode adminEvents(String query) {
        return get("/admin-events?" + query);
    }

    // ---- components ----

    public JsonNode components(String providerType) {
        return get("/components?type=" + encode(providerType));
    }

    /** The components of this type below {@code parent} (a component's id; the realm's when it is the realm). */
    public JsonNode components(String providerType, String parent) {
        return get("/components?type=" + encode(providerType) + "&parent=" + encode(parent));
    }

    /** Creates a component (JSON, its {@code parentId} the realm's id when unset); its id. */
    public String createComponent(String json) {
        ObjectNode component;
        try {
            component = (ObjectNode) KazooHttp.JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a component: " + json, e);
        }
        if (!component.has("parentId")) {
            component.put("parentId", representation().path("id").asText());
        }
        return created(http.request("POST", path("/components"), component.toString(), auth()));
    }

    /** Updates a component as the admin console does, answering Keycloak's reply whatever it is. */
    public KazooHttp.Reply tryUpdateComponent(JsonNode component) {
        return http.request("PUT", path("/components/" + component.path("id").asText()), component.toString(), auth());
    }

    public void deleteComponent(String id) {
        gone(http.request("DELETE", path("/components/" + id), null, auth()));
    }

    // ---- users, clients, identity providers ----

    /** Creates a user (JSON); its id. */
    public String createUser(String json) {
        return created(http.request("POST", path("/users"), json, auth()));
    }

    public void deleteUser(String id) {
        gone(http.request("DELETE", path("/users/" + id), null, auth()));
    }

    public String userId(String username) {
        return get("/users?exact=true&username=" + encode(username)).path(0).path("id").asText();
    }

    public void linkIdentity(String userId, String provider, String json) {
        expect(204, http.request("POST", path("/users/" + userId + "/federated-identity/" + provider), json, auth()));
    }

    /** Creates a client (JSON); its id (not its client id). */
    public String createClient(String json) {
        return created(http.request("POST", path("/clients"), json, auth()));
    }

    /** The client with this client id. */
    public ObjectNode client(String clientId) {
        return (ObjectNode) get("/clients?clientId=" + encode(clientId)).path(0);
    }

    public void updateClient(ObjectNode client) {
        expect(204, http.request("PUT", path("/clients/" + client.path("id").asText()), client.toString(), auth()));
    }

    public void deleteClient(String id) {
        gone(http.request("DELETE", path("/clients/" + id), null, auth()));
    }

    public void createIdentityProvider(String json) {
        expect(201, http.request("POST", path("/identity-provider/instances"), json, auth()));
    }

    /** Creates a top-level group (an account) named {@code name}; its id. */
    public String createGroup(String name) {
        return created(http.request("POST", path("/groups"), KazooHttp.JSON.createObjectNode().put("name", name)
                .toString(), auth()));
    }

    public void deleteGroup(String id) {
        gone(http.request("DELETE", path("/groups/" + id), null, auth()));
    }

    public ObjectNode group(String id) {
        return (ObjectNode) get("/groups/" + id);
    }

    public void updateGroup(ObjectNode group) {
        expect(204, http.request("PUT", path("/groups/" + group.path("id").asText()), group.toString(), auth()));
    }

    public ObjectNode identityProvider(String alias) {
        return (ObjectNode) get("/identity-provider/instances/" + alias);
    }

    public void updateIdentityProvider(ObjectNode provider) {
        expect(204, http.request("PUT", path("/identity-provider/instances/" + provider.path("alias").asText()),
                provider.toString(), auth()));
    }

    public void deleteIdentityProvider(String alias) {
        gone(http.request("DELETE", path("/identity-provider/instances/" + alias), null, auth()));
    }

    // ---- authentication flows ----

    public JsonNode executions(String flow) {
        return get("/authentication/flows/" + flow.replace(" ", "%20") + "/executions");
    }

    public ObjectNode authenticatorConfig(String id) {
        return (ObjectNode) get("/authentication/config/" + id);
    }

    public void updateAuthenticatorConfig(ObjectNode config) {
        expect(204, http.request("PUT", path("/authentication/config/" + config.path("id").asText()),
                config.toString(), auth()));
    }

    // ----

    private JsonNode get(String below) {
        return expect(200, http.get(path(below), auth())).json();
    }

    private String path(String below) {
        return "/admin/realms/" + realm + below;
    }

    private String[] auth() {
        if (token == null || System.nanoTime() - tokenAt > TOKEN_REUSE_NANOS) {
            token = http.adminToken(keycloak);
            tokenAt = System.nanoTime();
        }
        return KazooHttp.bearer(token);
    }

    private static KazooHttp.Reply expect(int status, KazooHttp.Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("Keycloak's admin API answered " + reply.status() + ", not " + status + ": "
                    + reply);
        }
        return reply;
    }

    private static void gone(KazooHttp.Reply reply) {
        if (reply.status() != 204 && reply.status() != 404) {
            throw new AssertionError("Keycloak's admin API did not delete: " + reply);
        }
    }

    private static String created(KazooHttp.Reply reply) {
        String location = expect(201, reply).headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
