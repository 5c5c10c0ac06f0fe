package org.kazooauth.core.keycloak.mfa;

import org.keycloak.provider.Provider;

/** A multi-factor provider configuration, stored as a Keycloak component of the realm. */
public interface MultiFactorProvider extends Provider {
}
