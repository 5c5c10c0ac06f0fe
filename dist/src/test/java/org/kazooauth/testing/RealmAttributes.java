package org.kazooauth.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;

/** The demo realm's attributes (the pack's system settings), changed through Keycloak's admin API. */
public final class RealmAttributes {

    private final KeycloakAdmin admin;

    public RealmAttributes(KeycloakAdmin admin) {
        this.admin = admin;
    }

    /** A test body that may throw. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    /**
     * Sets the attributes ({@code null} removes one) and returns what they were, in the same form.
     */
    public Map<String, String> set(Map<String, String> changes) {
        ObjectNode realm = (ObjectNode) admin.representation();
        ObjectNode attributes = realm.with("attributes");
        Map<String, String> before = new HashMap<>();
        changes.forEach((name, value) -> {
            before.put(name, attributes.has(name) ? attributes.get(name).asText() : null);
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        });
        admin.update(realm);
        return before;
    }

    /** Runs {@code body} with the attributes set, then puts them back as they were. */
    public void with(Map<String, String> changes, Body body) throws Exception {
        Map<String, String> before = set(changes);
        try {
            body.run();
        } finally {
            set(before);
        }
    }
}
