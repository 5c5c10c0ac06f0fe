package org.kazooauth.rest;

import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** Answers every CORS preflight below {@code /realms/{realm}/kazoo}: see {@link BrowserAccess}. */
public final class Preflight {

    private final BrowserAccess browsers;

    Preflight(BrowserAccess browsers) {
        this.browsers = browsers;
    }

    @OPTIONS
    @Path("{path: .*}")
    public Response preflight() {
        return browsers.preflight();
    }
}
