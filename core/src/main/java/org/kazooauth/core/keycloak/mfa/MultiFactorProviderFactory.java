package org.kazooauth.core.keycloak.mfa;

import org.keycloak.component.ComponentFactory;

/** One per provider kind ({@code duo}, {@code hmac_totp}): declares its settings, secrets marked. */
public interface MultiFactorProviderFactory extends ComponentFactory<MultiFactorProvider, MultiFactorProvider> {
}
