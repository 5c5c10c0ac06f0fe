package org.kazooauth.rest;

import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.models.KeycloakSession;

/** The first step of the pipeline: who is calling, or a 401 {@link KazooException}. */
@FunctionalInterface
public interface CallerAuthenticator {

    Caller authenticate(KeycloakSession session, KazooRealm kazoo);
}
