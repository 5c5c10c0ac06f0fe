package org.kazooauth.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;
import org.kazooauth.core.account.Account;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.api.KazooHeaders;
import org.kazooauth.core.config.AuthConfigSchema;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.keycloak.KazooGate;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.UserModel;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Single sign-on through an OpenID provider, Kazoo's {@code auth/callback} and {@code auth/authorize}: the
 * provider proves who the user is (an authorization code exchanged with the app's credentials, its id_token
 * checked by Keycloak's own OIDC broker; or an access token the provider's userinfo endpoint accepts), and the
 * Keycloak user linked to that identity gets a token. An identity linked to nobody is remembered for ten minutes
 * under an unguessable link id, which the user, logged in the usual way, claims with {@code PUT /auth/links/{id}}.
 *
 * <p>An SSO login is a login: it is refused for a disabled user, a disabled {@code cb_user_auth}, a locked
 * account, and for a user whose account asks for a second factor, which these REST calls cannot run (fails closed).
 */
final class SsoLogin {

    private static final Logger LOG = Logger.getLogger(SsoLogin.class);
    private static final String PENDING = "kazoo-sso-link:";
    private static final long PENDING_SECONDS = 600;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who the provider says the user is. */
    record Identity(String provider, String subject, String username, String email) {
    }

    private SsoLogin() {
    }

    /** An OpenID provider of the realm, for the app named {@code clientId}. */
    static IdentityProviderModel openIdProvider(KazooRealm kazoo, String alias, String clientId) {
        IdentityProviderModel provider = SsoProviders.provider(kazoo, alias);
        if (!provider.isEnabled()) {
            throw KazooException.forbidden("SSO provider " + alias + " is disabled");
        }
        if (!provider.getProviderId().equals("oidc") && !provider.getProviderId().equals("keycloak-oidc")) {
            throw KazooException.invalidData("SSO provider " + alias + " is not an OpenID Connect provider; only "
                    + "those can sign users in through this API");
        }
        if (clientId != null && !clientId.equals(SsoProviders.clientId(provider))) {
            throw KazooException.badIdentifier(clientId, "SSO provider " + alias + " has no app with this client_id");
        }
        return provider;
    }

    /** The identity behind an authorization code the provider gave the app for {@code redirectUri}. */
    static Identity fromCode(KazooRealm kazoo, IdentityProviderModel model, String code, String redirectUri) {
        OIDCIdentityProvider provider = new OIDCIdentityProvider(kazoo.session(), SsoProviders.oidc(model));
        try (SimpleHttpResponse response = provider.authenticateTokenRequest(SimpleHttp.create(kazoo.session())
                .doPost(provider.getConfig().getTokenUrl())
                .param("grant_type", "authorization_code")
                .param("code", code)
                .param("redirect_uri", redirectUri)).asResponse()) {
            if (response.getStatus() != 200) {
                throw refused(model, "the provider refused the code (HTTP " + response.getStatus() + ")");
            }
            BrokeredIdentityContext identity = provider.getFederatedIdentity(response.asString());
            return new Identity(model.getAlias(), identity.getId(), identity.getUsername(), identity.getEmail());
        } catch (KazooException e) {
            throw e;
        } catch (Exception e) {
            throw refused(model, "its answer could not be verified", e);
        }
    }

    /** The identity behind an access token the provider issued, as its userinfo endpoint answers for it. */
    static Identity fromAccessToken(KazooRealm kazoo, IdentityProviderModel model, String accessToken) {
        String userInfo = SsoProviders.oidc(model).getUserInfoUrl();
        if (userInfo == null || userInfo.isBlank()) {
            throw KazooException.invalidData("SSO provider " + model.getAlias() + " has no userinfo URL to check "
                    + "tokens with; set it on the identity provider");
        }
        try (SimpleHttpResponse response = SimpleHttp.create(kazoo.session()).doGet(userInfo).auth(accessToken)
                .acceptJson().asResponse()) {
            if (response.getStatus() != 200) {
                throw refused(model, "the provider does not accept the token (HTTP " + response.getStatus() + ")");
            }
            JsonNode claims = response.asJson();
            if (!claims.path("sub").isTextual()) {
                throw refused(model, "its userinfo answer has no subject");
            }
            if (!issuedToTheApp(accessToken, SsoProviders.clientId(model))) {
                throw refused(model, "the token was not issued to this app (its azp or aud must be "
                        + SsoProviders.clientId(model) + ")");
            }
            return new Identity(model.getAlias(), claims.path("sub").asText(),
                    claims.path("preferred_username").asText(claims.path("sub").asText()),
                    claims.path("email").asText(null));
        } catch (KazooException e) {
            throw e;
        } catch (Exception e) {
            throw refused(model, "it could not be asked", e);
        }
    }

    /**
     * Whether a token the provider vouched for (its userinfo accepted it) was issued to the app's own client: a
     * JWT whose {@code azp} is the app's client id or whose {@code aud} names it. Any other token, another
     * application's at the same provider or one whose audience cannot be read, proves nothing to this app.
     */
    private static boolean issuedToTheApp(String accessToken, String clientId) {
        String[] parts = accessToken.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        JsonNode claims;
        try {
            claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException | IOException notAJwt) {
            return false;
        }
        JsonNode audience = claims.path("aud");
        boolean inAudience = audience.isTextual() ? audience.asText().equals(clientId)
                : audience.isArray() && StreamSupport.stream(audience.spliterator(), false)
                .anyMatch(entry -> entry.asText().equals(clientId));
        return clientId.equals(claims.path("azp").asText(null)) || inAudience;
    }

    private static KazooException refused(IdentityProviderModel model, String why) {
        LOG.debugf("SSO through %s refused: %s", model.getAlias(), why);
        return KazooException.invalidCredentials("SSO provider " + model.getAlias() + " did not prove who you are: "
                + why);
    }

    /** The same, when something broke: its detail goes to the log only, never to an unauthenticated caller. */
    private static KazooException refused(IdentityProviderModel model, String why, Exception cause) {
        LOG.infof("SSO through %s refused: %s: %s", model.getAlias(), why, cause.toString());
        return refused(model, why);
    }

    /**
     * The linked user's Kazoo auth response and a new token; for an identity linked to nobody, empty data and
     * the pending link's id in {@link KazooHeaders#SSO_LINK_ID}.
     */
    static Answer answer(KazooRealm kazoo, IdentityProviderModel provider, Identity identity) {
        UserModel user = kazoo.session().users().getUserByFederatedIdentity(kazoo.realm(),
                new FederatedIdentityModel(identity.provider(), identity.subject(), identity.username()));
        if (user == null) {
            String linkId = HexFormat.of().formatHex(bytes(16)) + "-" + identity.subject();
            kazoo.session().singleUseObjects().put(PENDING + linkId, PENDING_SECONDS, Map.of(
                    "provider", identity.provider(), "subject", identity.subject(),
                    "username", identity.username() == null ? identity.subject() : identity.username(),
                    "email", identity.email() == null ? "" : identity.email()));
            return new Answer.Login(Json.object(), null, Map.of(KazooHeaders.SSO_LINK_ID, linkId));
        }
        admit(kazoo, provider, user);
        String token = TokenIssuer.logIn(kazoo, CrossbarClient.of(kazoo, false), user, identity.provider());
        return Answer.login(AuthResponse.of(kazoo, user), token);
    }

    /** The pending identity behind {@code linkId}, taken once. */
    static Optional<Identity> takePending(KazooRealm kazoo, String linkId) {
        Map<String, String> pending = kazoo.session().singleUseObjects().remove(PENDING + linkId);
        return pending == null ? Optional.empty() : Optional.of(new Identity(pending.get("provider"),
                pending.get("subject"), pending.get("username"), pending.get("email")));
    }

    /** Whether this user may log in through this provider now, as the Kazoo password steps would ask. */
    private static void admit(KazooRealm kazoo, IdentityProviderModel provider, UserModel user) {
        Optional<Account> account = kazoo.principals().accountOf(user);
        if (!user.isEnabled() || !SsoProviders.serves(kazoo, provider, account)) {
            throw KazooException.loginRefused();
        }
        // the identity provider judged the credentials: the gate asks the rest, a second factor this API cannot ask
        Optional<KazooGate.Refusal> refusal = kazoo.gate().refusal(user, AuthConfigSchema.USER_AUTH,
                EnumSet.allOf(KazooGate.Check.class), Optional.empty());
        if (refusal.isPresent()) {
            throw refusal.get().answer();
        }
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
