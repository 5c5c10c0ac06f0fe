package org.kazooauth.testing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of the integration tests that talk to the shared server's demo realm: the server, plain HTTP to it,
 * and the demo users as callers.
 */
@ExtendWith(KeycloakServerExtension.class)
public abstract class DemoRealmIntegration {

    protected static final DemoRealm DEMO = DemoRealm.load();

    protected RunningKeycloak keycloak;
    protected KazooHttp http;
    protected DemoUsers users;
    protected TestDatabase database;
    protected RealmAttributes realmAttributes;
    /** Keycloak's own admin API on the demo realm. */
    protected KeycloakAdmin keycloakAdmin;

    @BeforeEach
    void connect(RunningKeycloak keycloak, TestDatabase database) {
        this.keycloak = keycloak;
        this.database = database;
        this.http = new KazooHttp(keycloak);
        this.users = new DemoUsers(http);
        this.keycloakAdmin = new KeycloakAdmin(http, keycloak);
        this.realmAttributes = new RealmAttributes(keycloakAdmin);
    }
}
