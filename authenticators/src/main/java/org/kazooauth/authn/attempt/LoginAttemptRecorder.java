package org.kazooauth.authn.attempt;

import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.logging.Logger;
import org.kazooauth.authn.KazooNotes;
import org.kazooauth.core.account.Account;
import org.kazooauth.core.attempt.AttemptOutcome;
import org.kazooauth.core.attempt.ClientHeaders;
import org.kazooauth.core.attempt.LoginAttempt;
import org.kazooauth.core.attempt.LoginAttemptIds;
import org.kazooauth.core.config.AuthConfigSchema;
import org.kazooauth.core.config.AuthModuleSettings;
import org.kazooauth.core.keycloak.RequestId;
import org.kazooauth.core.keycloak.KazooRealm;
import org.kazooauth.core.keycloak.jpa.AttemptWriter;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns Keycloak's own {@code LOGIN} and {@code LOGIN_ERROR} events into Kazoo login attempts, so every event
 * listener sees the same login the attempt log records. Like Kazoo, only for users who belong to an account and as
 * the merged {@code log_successful_attempts} / {@code log_failed_attempts} say. Written in a transaction of its
 * own: a refused login still leaves its attempt. Never stops a login: a failure here is logged, not thrown.
 */
public final class LoginAttemptRecorder implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(LoginAttemptRecorder.class);

    /** Users' logins, and service accounts' (Kazoo's {@code cb_api_auth}). */
    private static final Set<EventType> RECORDED = EnumSet.of(EventType.LOGIN, EventType.LOGIN_ERROR,
            EventType.CLIENT_LOGIN, EventType.CLIENT_LOGIN_ERROR);
    private static final Set<EventType> API_LOGINS = EnumSet.of(EventType.CLIENT_LOGIN, EventType.CLIENT_LOGIN_ERROR);

    private final KeycloakSession session;

    LoginAttemptRecorder(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (!RECORDED.contains(event.getType())) {
            return;
        }
        Optional<UserModel> serviceAccount = event.getType() == EventType.CLIENT_LOGIN_ERROR
                ? serviceAccountFailed(event) : Optional.empty();
        if (event.getUserId() == null && serviceAccount.isEmpty()) {
            return;
        }
        try {
            // queued: the node's writer stores it with others in one statement, off the login's path
            attemptOf(event, serviceAccount).ifPresent(attempt -> AttemptWriter.NODE.add(event.getRealmId(), attempt));
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not record the login attempt of user %s in realm %s", event.getUserId(),
                    event.getRealmId());
        }
    }

    private Optional<LoginAttempt> attemptOf(Event event, Optional<UserModel> serviceAccount) {
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null
                : serviceAccount.orElseGet(() -> session.users().getUserById(realm, event.getUserId()));
        if (user == null) {
            return Optional.empty();
        }
        KazooRealm kazoo = KazooRealm.of(session, realm);
        Optional<Account> account = kazoo.principals().accountOf(user);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        boolean api = API_LOGINS.contains(event.getType());
        String module = api ? AuthConfigSchema.API_AUTH : moduleOf(event, realm);
        AuthModuleSettings settings = kazoo.settingsFor(user, module);
        boolean success = event.getType() == EventType.LOGIN || event.getType() == EventType.CLIENT_LOGIN;
        if (success ? !settings.logSuccessfulAttempts() : !settings.logFailedAttempts()) {
            return Optional.empty();
        }
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        AttemptOutcome outcome = success ? AttemptOutcome.TOKEN_CREATED
                : AttemptOutcome.ofLoginError(event.getError(), details.get(Details.REASON));
        if (api) {
            outcome = new AttemptOutcome(AttemptOutcome.API_TOKEN, outcome.message());
        }
        Instant now = Instant.ofEpochMilli(event.getTime());
        HttpHeaders headers = session.getContext().getHttpRequest().getHttpHeaders();
        return Optional.of(new LoginAttempt(LoginAttemptIds.generate(now), account.get().id(), user.getId(),
                outcome.authType(), module, success ? LoginAttempt.Status.SUCCESS : LoginAttempt.Status.FAILED,
                outcome.message(), now, event.getIpAddress(), ClientHeaders.scrub(firstValues(headers)),
                details.getOrDefault(RequestId.EVENT_DETAIL, RequestId.of(session))));
    }

    /**
     * A service account's client authentication failed (Keycloak judged its secret before any Kazoo code ran): the
     * failure pays into the lock of the service account's account, whose locked bucket then refuses its tokens
     * ({@code TokenGateExecutor}). Its event carries no user: the client names it.
     */
    private Optional<UserModel> serviceAccountFailed(Event event) {
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        ClientModel client = realm == null || event.getClientId() == null ? null
                : realm.getClientByClientId(event.getClientId());
        UserModel account = client == null || !client.isServiceAccountsEnabled() ? null
                : session.users().getServiceAccount(client);
        if (account == null) {
            return Optional.empty();
        }
        try {
            KazooRealm kazoo = KazooRealm.of(session, realm);
            kazoo.loginLock().recordFailure(kazoo.lockSubjects(account), AuthConfigSchema.API_AUTH);
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not count the failed client authentication of %s in realm %s", event.getClientId(),
                    realm.getName());
        }
        return Optional.of(account);
    }

    /** The module a Kazoo login policy step noted, else {@code cb_user_auth}: users logging in. */
    private String moduleOf(Event event, RealmModel realm) {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        String module = authSession == null ? null : authSession.getUserSessionNotes().get(KazooNotes.AUTH_MODULE);
        if (module == null && event.getSessionId() != null) {
            UserSessionModel userSession = session.sessions().getUserSession(realm, event.getSessionId());
            module = userSession == null ? null : userSession.getNote(KazooNotes.AUTH_MODULE);
        }
        return module == null || !AuthConfigSchema.isModule(module) ? AuthConfigSchema.USER_AUTH : module;
    }

    private static Map<String, String> firstValues(HttpHeaders headers) {
        Map<String, String> values = new HashMap<>();
        if (headers != null) {
            headers.getRequestHeaders().forEach((name, list) -> {
                if (!list.isEmpty()) {
                    values.put(name, list.get(0));
                }
            });
        }
        return values;
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
