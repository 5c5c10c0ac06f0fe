package org.kazooauth.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.kazooauth.core.account.Account;
import org.kazooauth.core.api.KazooEnvelope;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.api.KazooHeaders;
import org.kazooauth.core.api.PackInfo;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.keycloak.KazooRealm;
import org.kazooauth.core.keycloak.RequestId;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.AdminAuth;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way every Kazoo endpoint runs: authenticate → authorize → act → audit → respond in Kazoo's envelope,
 * with the CORS headers the request's origin may read it with.
 * Every failure becomes a Kazoo error envelope with the request id; nothing an endpoint throws escapes as
 * Keycloak's own error page.
 */
public final class KazooPipeline {

    private static final Logger LOG = Logger.getLogger(KazooPipeline.class);

    private final KeycloakSession session;
    private final CallerAuthenticator authenticator;
    private final BrowserAccess browsers;

    public KazooPipeline(KeycloakSession session, CallerAuthenticator authenticator, BrowserAccess browsers) {
        this.session = session;
        this.authenticator = authenticator;
        this.browsers = browsers;
    }

    /** An endpoint open to anyone (a login, tokeninfo, an SSO callback): no caller is authenticated. */
    public Response anonymous(Function<KazooRealm, Answer> action) {
        return run(kazoo -> null, (caller, kazoo) -> action.apply(kazoo));
    }

    /** An endpoint open to every authenticated caller; the action decides what each may do. */
    public Response anyCaller(Function<Call, Answer> action) {
        return run((caller, kazoo) -> action.apply(new Call(caller, null, kazoo)));
    }

    /** An endpoint on the system (the realm): super admins only, {@code need} says which. */
    public Response system(Need need, Function<Call, Answer> action) {
        return run((caller, kazoo) -> {
            boolean allowed = need == Need.READ ? caller.canReadSystem() : caller.canManageSystem();
            if (!allowed) {
                throw KazooException.forbidden("only super admins of realm " + kazoo.realm().getName()
                        + (need == Need.READ ? " (view-realm)" : " (manage-realm)") + " may do this");
            }
            return action.apply(new Call(caller, null, kazoo));
        });
    }

    /**
     * An endpoint on account {@code accountId}, for callers with {@code need} on it. An unknown account is a 404
     * for callers who may read the whole system and a 403 for everyone else, so nobody can probe which account ids
     * exist in other trees.
     */
    public Response account(String accountId, Need need, Function<Call, Answer> action) {
        return run((caller, kazoo) -> action.apply(new Call(caller, account(caller, kazoo, accountId, need), kazoo)));
    }

    /**
     * The one account check: account {@code accountId} when {@code caller} has {@code need} on it. An unknown
     * account is a 404 for callers who may read the whole system and a 403 for everyone else.
     */
    static Account account(Caller caller, KazooRealm kazoo, String accountId, Need need) {
        Account account = kazoo.tree().find(accountId).orElseThrow(() -> caller.canReadSystem()
                ? KazooException.badIdentifier(accountId, "account does not exist")
                : forbiddenOn(accountId, need));
        boolean allowed = switch (need) {
            case READ -> caller.canRead(account);
            case MANAGE -> caller.canManage(account);
            case UNLOCK -> caller.canUnlock(account);
        };
        if (!allowed) {
            throw forbiddenOn(accountId, need);
        }
        return account;
    }

    private static KazooException forbiddenOn(String accountId, Need need) {
        return KazooException.forbidden(switch (need) {
            case READ -> "you may not read account " + accountId
                    + ": members of the account and admins of it or of a parent account may";
            case MANAGE -> "you may not change account " + accountId
                    + ": admins of the account or of a parent account may";
            case UNLOCK -> "you may not see or lift the login lock of account " + accountId
                    + ": admins of a reseller whose tree holds it and super admins may";
        });
    }

    @FunctionalInterface
    private interface AuthorizedAction {
        Answer apply(Caller caller, KazooRealm kazoo);
    }

    private Response run(AuthorizedAction action) {
        return run(kazoo -> authenticator.authenticate(session, kazoo), action);
    }

    private Response run(Function<KazooRealm, Caller> authenticate, AuthorizedAction action) {
        String requestId = RequestId.of(session);
        Caller caller = null;
        Response response;
        try {
            KazooRealm kazoo = KazooRealm.of(session, session.getContext().getRealm());
            caller = authenticate.apply(kazoo);
            refuseControlCharacters();
            Answer answer = action.apply(caller, kazoo);
            audit(requestId, caller, 200, null);
            if (caller != null && isChange(method())) {
                KazooAdminEvents.record(kazoo, caller, method(), apiPath(session), answer, requestId);
            }
            response = answer.render(requestId, caller == null ? null : caller.authToken());
        } catch (KazooException e) {
            // nothing a refused request wrote may stay; what a refused login must keep (the lock's payment, the
            // attempt record, a challenge's state, a spent token) is written in transactions of its own
            session.getTransactionManager().setRollbackOnly();
            audit(requestId, caller, e.status(), e.kazooMessage());
            Response refusal = respond(e.status(), KazooEnvelope.error(e, meta(requestId, caller)), requestId);
            response = e.retryAfterSeconds() > 0 ? Response.fromResponse(refusal)
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build() : refusal;
        } catch (RuntimeException e) {
            session.getTransactionManager().setRollbackOnly();
            LOG.errorf(e, "Kazoo request %s %s failed", requestId, requestLine());
            KazooException internal = new KazooException(500, "internal error",
                    Json.object().put("message", "the server failed; its log names request id " + requestId));
            response = respond(500, KazooEnvelope.error(internal, meta(requestId, caller)), requestId);
        }
        return browsers.answer(response, caller == null ? Optional.empty()
                : Optional.ofNullable(caller.adminAuth()).map(AdminAuth::getToken));
    }

    private static KazooEnvelope.Meta meta(String requestId, Caller caller) {
        return meta(requestId, caller == null ? null : caller.authToken());
    }

    static KazooEnvelope.Meta meta(String requestId, String authToken) {
        return new KazooEnvelope.Meta(requestId, Instant.now(), PackInfo.VERSION, PackInfo.NODE, authToken);
    }

    static Response respond(int status, JsonNode envelope, String requestId) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(KazooHeaders.REQUEST_ID, requestId)
                .entity(Json.write(envelope))
                .build();
    }

    /** Changes are logged at INFO, reads and refusals at DEBUG: who, what, the outcome, never a secret. */
    private void audit(String requestId, Caller caller, int status, String error) {
        String method = method();
        boolean change = isChange(method) && status < 300;
        Logger.Level level = change ? Logger.Level.INFO : Logger.Level.DEBUG;
        if (LOG.isEnabled(level)) {
            LOG.logf(level, "kazoo %s %s by %s -> %d%s [request %s]", method, requestLine(),
                    caller == null ? "anonymous" : caller.describe(), status, error == null ? "" : " " + error,
                    requestId);
        }
    }

    /**
     * No id holds a control character, and some databases refuse to even compare one (PostgreSQL and NUL): such a
     * path names nothing, a 404 before any lookup.
     */
    private void refuseControlCharacters() {
        session.getContext().getUri().getPathParameters().forEach((name, values) -> values.forEach(value -> {
            if (value.chars().anyMatch(Character::isISOControl)) {
                throw KazooException.badIdentifier(value.replaceAll("\\p{Cntrl}", "?"), "no " + name
                        + " holds control characters");
            }
        }));
    }

    private String method() {
        return session.getContext().getHttpRequest().getHttpMethod();
    }

    private static boolean isChange(String method) {
        return !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method);
    }

    /**
     * The request's path below its realm, the same on both mounts: {@code /realms/demo/kazoo/v2/security} and
     * {@code /admin/realms/demo/kazoo/v2/security} are {@code kazoo/v2/security}.
     */
    static String apiPath(KeycloakSession session) {
        String path = session.getContext().getUri().getPath();
        int kazoo = path.indexOf("/kazoo/");
        return kazoo < 0 ? path : path.substring(kazoo + 1);
    }

    private String requestLine() {
        return session.getContext().getUri().getPath();
    }
}
