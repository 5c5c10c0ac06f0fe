package org.kazooauth.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.account.Account;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.models.IdentityProviderModel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Kazoo's SSO providers and apps on Keycloak's identity providers. Kazoo kept a provider (Google's URLs) apart
 * from an app (a client registered at it, owned by a reseller); a Keycloak identity provider is both, so each one
 * is a provider (its alias is the id) and an app (its client id is the id). The owning reseller is the identity
 * provider's config {@code kazoo.reseller_id}; without one the app is the system's and serves every account.
 */
final class SsoProviders {

    /** Identity provider config: the reseller account whose app it is. */
    static final String RESELLER = "kazoo.reseller_id";
    /** Identity provider config: the app's contact email (Kazoo's {@code auth.app} {@code email}). */
    static final String EMAIL = "kazoo.app_email";

    private SsoProviders() {
    }

    static Stream<IdentityProviderModel> all(KazooRealm kazoo) {
        return kazoo.session().identityProviders().getAllStream();
    }

    static IdentityProviderModel provider(KazooRealm kazoo, String alias) {
        return Optional.ofNullable(kazoo.session().identityProviders().getByAlias(alias))
                .orElseThrow(() -> KazooException.badIdentifier(alias, "no SSO provider has this id"));
    }

    /** The app with this client id that serves {@code account}'s tree. */
    static IdentityProviderModel app(KazooRealm kazoo, String clientId, Optional<Account> account) {
        return apps(kazoo, account).filter(provider -> clientId.equals(clientId(provider))).findFirst()
                .orElseThrow(() -> KazooException.badIdentifier(clientId, "no SSO app of this account's reseller "
                        + "has this id"));
    }

    /** The apps of {@code account}'s reseller, and the system's; for a caller in no account, every app. */
    static Stream<IdentityProviderModel> apps(KazooRealm kazoo, Optional<Account> account) {
        Optional<String> reseller = account.flatMap(own -> AuthResponse.resellerOf(kazoo, own)).map(Account::id);
        return all(kazoo).filter(provider -> clientId(provider) != null)
                .filter(provider -> account.isEmpty() || owner(provider).isEmpty() || owner(provider).equals(reseller));
    }

    /** Whether the provider's app may log in users of {@code account}: the system's may, a reseller's its tree's. */
    static boolean serves(KazooRealm kazoo, IdentityProviderModel provider, Optional<Account> account) {
        return owner(provider).isEmpty() || account.flatMap(own -> AuthResponse.resellerOf(kazoo, own))
                .map(Account::id).equals(owner(provider));
    }

    static Optional<String> owner(IdentityProviderModel provider) {
        return Optional.ofNullable(provider.getConfig().get(RESELLER)).filter(id -> !id.isBlank());
    }

    static String clientId(IdentityProviderModel provider) {
        return oidc(provider).getClientId();
    }

    /** The provider's settings through Keycloak's own typed view of an OpenID Connect provider's config. */
    static OIDCIdentityProviderConfig oidc(IdentityProviderModel provider) {
        return provider instanceof OIDCIdentityProviderConfig typed ? typed : new OIDCIdentityProviderConfig(provider);
    }

    /** A row of {@code GET /auth/providers}. */
    static ObjectNode summary(IdentityProviderModel provider) {
        return Json.object().put("id", provider.getAlias()).put("provider_type", "oauth");
    }

    /** {@code GET /auth/providers/{id}}: where the provider's endpoints are, never its client secret. */
    static ObjectNode document(IdentityProviderModel provider) {
        ObjectNode document = Json.object();
        document.put("id", provider.getAlias());
        document.put("provider_type", "oauth");
        document.put("auth_module", "oauth");
        document.put("name", Optional.ofNullable(provider.getDisplayName()).orElse(provider.getAlias()));
        document.put("enabled", provider.isEnabled());
        OIDCIdentityProviderConfig oidc = oidc(provider);
        String issuer = oidc.getIssuer();
        putIfPresent(document, "auth_url", oidc.getAuthorizationUrl());
        putIfPresent(document, "access_code_url", oidc.getTokenUrl());
        putIfPresent(document, "profile_url", oidc.getUserInfoUrl());
        if (issuer != null) {
            document.put("discovery", issuer + "/.well-known/openid-configuration");
            host(issuer).ifPresent(host -> document.putArray("issuer_domains").add(host));
        }
        return document;
    }

    /** The host of an http(s) URL; empty for anything that is not one (an issuer typed wrong in the console). */
    static Optional<String> host(String url) {
        try {
            URI uri = new URI(url);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return web ? Optional.ofNullable(uri.getHost()) : Optional.empty();
        } catch (URISyntaxException notAUrl) {
            return Optional.empty();
        }
    }

    /** A row of {@code GET /auth/apps}, and {@code GET /auth/apps/{id}}: never the secret. */
    static ObjectNode appDocument(IdentityProviderModel provider) {
        ObjectNode app = Json.object();
        app.put("id", clientId(provider));
        app.put("provider", provider.getAlias());
        putIfPresent(app, "email", provider.getConfig().get(EMAIL));
        owner(provider).ifPresent(reseller -> app.put("account_id", reseller));
        return app;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
