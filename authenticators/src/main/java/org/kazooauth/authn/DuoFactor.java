package org.kazooauth.authn;

import com.duosecurity.exception.DuoException;
import com.duosecurity.model.AuthResult;
import com.duosecurity.model.Token;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.kazooauth.core.duo.DuoOptions;
import org.kazooauth.core.duo.DuoResponse;
import org.kazooauth.core.duo.DuoState;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.keycloak.KazooNames;
import org.kazooauth.core.mfa.DuoSettings;
import org.kazooauth.core.mfa.ProviderConfig;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.Map;
import java.util.Optional;

/**
 * Duo's Universal Prompt as the second factor. The user is handed to Duo with a fresh state; Duo sends the
 * browser back with {@code duo_code} and that state, and the code is exchanged for the 2FA result of exactly the
 * username Keycloak authenticated. The state lives in Keycloak's single-use store, bound to the user and the
 * provider config, and is taken once: a replayed, forged or other user's answer is refused.
 *
 * <p>Browsers come back to the step's own action URL, so the flow (and a "try another way" choice) goes on where
 * it was. REST clients get the authorization URL and state in Kazoo's challenge and send Duo's answer back as
 * {@code multi_factor_response = {"duo_code": …, "state": …}}; Duo sends their users to the config's
 * {@code redirect_uri}, by default a Keycloak page that shows that answer.
 */
final class DuoFactor implements SecondFactor {

    static final String PAGE = "kazoo-duo.ftl";
    static final String REFUSED_PAGE = "kazoo-duo-refused.ftl";
    static final String DENIED_MESSAGE = "kazooDuoDenied";
    private static final String STATE_KEY = "kazoo-duo-state:";

    private final DuoClients clients;

    DuoFactor(DuoClients clients) {
        this.clients = clients;
    }

    @Override
    public ObjectNode challengeSettings(AuthenticationFlowContext context, ProviderConfig config) {
        DuoSettings duo = DuoSettings.of(config.settings());
        String redirectUri = duo.redirectUri().orElseGet(() -> defaultRedirectUri(context));
        HandOff handOff = handOff(context, config, duo, redirectUri);
        ObjectNode settings = Json.object();
        settings.put("auth_url", handOff.url());
        settings.put("state", handOff.state());
        settings.put("api_hostname", duo.apiHostname());
        settings.put("redirect_uri", redirectUri);
        settings.put("expires_in", duo.stateLifetime().toSeconds());
        return settings;
    }

    @Override
    public Response browserPage(AuthenticationFlowContext context, ProviderConfig config, Optional<String> errorKey) {
        if (errorKey.isPresent()) {
            return context.form().setError(DENIED_MESSAGE).setStatus(Response.Status.UNAUTHORIZED)
                    .createForm(REFUSED_PAGE);
        }
        String redirectUri = context.getActionUrl(context.generateAccessCode()).toString();
        HandOff handOff = handOff(context, config, DuoSettings.of(config.settings()), redirectUri);
        // with other ways to log in offered, the user chooses; otherwise the page moves on to Duo by itself
        boolean alternatives = context.getAuthenticationSelections() != null
                && context.getAuthenticationSelections().size() > 1;
        return context.form().setAttribute("kazooDuoUrl", handOff.url())
                .setAttribute("kazooDuoAutoContinue", !alternatives).createForm(PAGE);
    }

    /** Duo's redirect back to the browser flow, passed on as the JSON a REST client sends. */
    @Override
    public Optional<String> response(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> query = context.getUriInfo().getQueryParameters();
        String state = query.getFirst(DuoResponse.STATE);
        if (state != null && (query.containsKey(DuoResponse.DUO_CODE) || query.containsKey(DuoResponse.ERROR))) {
            return Optional.of(DuoResponse.of(query.getFirst(DuoResponse.DUO_CODE), state,
                    query.getFirst(DuoResponse.ERROR)));
        }
        return SecondFactor.super.response(context);
    }

    @Override
    public Optional<String> verify(AuthenticationFlowContext context, ProviderConfig config, String text) {
        Optional<DuoResponse> parsed = DuoResponse.parse(text);
        if (parsed.isEmpty()) {
            return Optional.of("the Duo response is not {\"duo_code\": ..., \"state\": ...}");
        }
        DuoResponse response = parsed.get();
        Optional<DuoState> issued = DuoState.fromMap(context.getSession().singleUseObjects()
                .remove(stateKey(context, response.state())));
        if (issued.isEmpty()) {
            return Optional.of("the Duo state is unknown, expired or already used");
        }
        Optional<String> mismatch = issued.get().refusalFor(response.state(), context.getUser().getId(), config.id());
        if (mismatch.isPresent()) {
            return mismatch;
        }
        if (response.error().isPresent()) {
            return Optional.of("Duo answered with error " + response.error().get());
        }
        DuoConnection duo = clients.open(config, options(context), issued.get().redirectUri());
        Token token;
        try {
            token = duo.exchange(response.duoCode(), issued.get().duoUsername());
        } catch (DuoException e) {
            return Optional.of("Duo did not confirm the code: " + e.getMessage());
        }
        AuthResult result = token.getAuth_result();
        if (result == null || !"allow".equals(result.getStatus())) {
            return Optional.of("Duo denied the authentication" + (result == null ? "" : " (" + result.getStatus()
                    + (result.getStatus_msg() == null ? "" : ": " + result.getStatus_msg()) + ")"));
        }
        return Optional.empty();
    }

    private record HandOff(String url, String state) {
    }

    /** Checks Duo is up, then issues and stores a state for this user and config. */
    private HandOff handOff(AuthenticationFlowContext context, ProviderConfig config, DuoSettings settings,
                            String redirectUri) {
        DuoOptions options = options(context);
        DuoConnection duo = clients.open(config, options, redirectUri);
        duo.requireHealthy();
        String duoUsername = duoUsername(context.getUser(), options);
        String state = duo.newState();
        String url = duo.authUrl(duoUsername, state);
        DuoState issued = new DuoState(state, context.getUser().getId(), duoUsername, config.id(), redirectUri);
        // committed at once: the hand-off is answered as a challenge (a 401 on user_auth), which rolls back the
        // request's own transaction, and the state must outlive it
        String key = stateKey(context, state);
        KeycloakModelUtils.runJobInTransaction(context.getSession().getKeycloakSessionFactory(), session -> session
                .singleUseObjects().put(key, settings.stateLifetime().toSeconds(), issued.toMap()));
        return new HandOff(url, state);
    }

    private static DuoOptions options(AuthenticationFlowContext context) {
        return DuoOptions.of(context.getAuthenticatorConfig() == null || context.getAuthenticatorConfig().getConfig()
                == null ? Map.of() : context.getAuthenticatorConfig().getConfig());
    }

    /** The username Keycloak authenticated, or the value of the step's Duo username attribute when it has one. */
    private static String duoUsername(UserModel user, DuoOptions options) {
        return options.usernameAttribute().map(user::getFirstAttribute).filter(name -> !name.isBlank())
                .orElse(user.getUsername());
    }

    /** Keycloak's page that shows Duo's answer to the user of a REST client, when the config names no other. */
    private static String defaultRedirectUri(AuthenticationFlowContext context) {
        return UriBuilder.fromUri(context.getUriInfo().getBaseUri()).path("realms").path(context.getRealm().getName())
                .path(KazooNames.DUO_CALLBACK_PATH).build().toString();
    }

    /** The store's key: a hash of realm and state, so the state itself is never a key anyone can list. */
    private static String stateKey(AuthenticationFlowContext context, String state) {
        return StoreKeys.of(STATE_KEY, context.getRealm().getId(), state);
    }
}
