package org.kazooauth.core.keycloak.mfa;

import com.google.auto.service.AutoService;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The SPI whose components hold the Kazoo multi-factor provider configs of a realm, so that they live in
 * Keycloak's database, carry their secrets as secret properties and travel with realm export/import.
 */
@AutoService(Spi.class)
public final class MultiFactorProviderSpi implements Spi {

    public static final String NAME = "kazoo-multi-factor";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return MultiFactorProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return MultiFactorProviderFactory.class;
    }
}
