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

    @BeforeEach
    void connect(RunningKeycloak keycloak) {
        this.keycloak = keycloak;
        this.http = new KazooHttp(keycloak);
        this.users = new DemoUsers(http);
    }
}
