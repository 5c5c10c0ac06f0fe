package org.kazooauth.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads facts out of test-realm/demo-realm.json, so tests and the demo never restate them. */
public final class DemoRealm {

    public static final String NAME = "demo";

    private final JsonNode realm;

    private DemoRealm(JsonNode realm) {
        this.realm = realm;
    }

    public static DemoRealm load() {
        return load(Path.of(System.getProperty("kazoo.realm.file", "../test-realm/demo-realm.json")));
    }

    public static DemoRealm load(Path file) {
        try {
            return new DemoRealm(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Username → demo password, in the file's order. */
    public Map<String, String> passwords() {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (JsonNode user : realm.path("users")) {
            for (JsonNode credential : user.path("credentials")) {
                if ("password".equals(credential.path("type").asText())) {
                    passwords.put(user.path("username").asText(), credential.path("value").asText());
                }
            }
        }
        return passwords;
    }

    public String password(String username) {
        String password = passwords().get(username);
        if (password == null) {
            throw new IllegalArgumentException("no demo user " + username + " in the demo realm");
        }
        return password;
    }

    /** The group path a demo user belongs to, for the demo's login list. */
    public String accountOf(String username) {
        for (JsonNode user : realm.path("users")) {
            if (username.equals(user.path("username").asText())) {
                List<String> roles = new ArrayList<>();
                user.path("realmRoles").forEach(r -> roles.add(r.asText()));
                user.path("clientRoles").properties().forEach(e -> e.getValue().forEach(r -> roles.add(r.asText())));
                roles.remove("default-roles-demo");
                String groups = user.path("groups").isEmpty() ? "(no account)" : user.path("groups").get(0).asText();
                return groups + (roles.isEmpty() ? "" : " " + roles);
            }
        }
        throw new IllegalArgumentException("no demo user " + username);
    }

    /** The id of the account (group) with this name. */
    public String accountId(String name) {
        String id = findGroup(realm.path("groups"), name);
        if (id == null) {
            throw new IllegalArgumentException("no account " + name + " in the demo realm");
        }
        return id;
    }

    private static String findGroup(JsonNode groups, String name) {
        for (JsonNode group : groups) {
            if (name.equals(group.path("name").asText())) {
                return group.path("id").asText();
            }
            String inSub = findGroup(group.path("subGroups"), name);
            if (inSub != null) {
                return inSub;
            }
        }
        return null;
    }
}
