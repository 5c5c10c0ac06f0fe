package org.kazooauth.authn;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.api.TokenEndpointBody;
import org.kazooauth.core.attempt.AttemptOutcome;
import org.kazooauth.core.keycloak.KazooMetrics;
import org.kazooauth.core.keycloak.KazooRealm;
import org.kazooauth.core.lock.LockSubject;
import org.kazooauth.core.lock.LoginLock;
import org.kazooauth.core.lock.RateLimitSettings;
import org.kazooauth.core.lock.RateLimits;
import org.kazooauth.core.lock.RequestAdmissions;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.UserModel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rate limit and the account lock around each credential check of the Kazoo steps (password, token, second
 * factor, Keycloak's OTP). First Kazoo's rate limit on the client's address and account (429); then the lock
 * reserves the check's cost before it runs (DESIGN §4: checked before the password) and the check's judgement
 * settles it: a failure pays, an unjudged check gives it back, and so does an exception; a good check's
 * reservation covers the request's next checks of the same login and goes back with the request's commit. A login
 * refused as locked runs nothing; one that finds the room taken by logins in flight waits, then answers "busy" (503).
 * A bucket emptied by a failure fires Keycloak's {@code USER_DISABLED_BY_TEMPORARY_LOCKOUT} event once, as
 * Keycloak's own brute-force lock does; waits and rate limits never do.
 */
final class LockGate {

    static final String LOCKED_PAGE = "kazoo-account-locked.ftl";
    static final String BUSY_MESSAGE = "kazooLoginBusy";
    static final String TOO_MANY_REQUESTS_MESSAGE = "kazooTooManyRequests";
    /** Auth note: a credential of this login passed the lock's check, so the login needs no other look at it. */
    static final String CHECKED_NOTE = "kazoo.lock.checked";
    /** Event detail: the bucket that locked, {@code account:<id>}, {@code user:<id>} or {@code device:<hash>}. */
    static final String BUCKET_DETAIL = "kazoo_lock_bucket";
    private static final String ADMISSIONS_ATTRIBUTE = RequestAdmissions.class.getName();

    /** What a credential check concluded. */
    enum Judgement {
        GOOD, WRONG,
        /** Nothing was judged (the client was only asked for the credential, or went another way). */
        NOT_JUDGED;

        static Judgement of(boolean good) {
            return good ? GOOD : WRONG;
        }
    }

    private LockGate() {
    }

    /**
     * Runs {@code check} behind the rate limit and the lock. The check answers the login itself either way; a
     * refused login is answered here without running it.
     *
     * @return whether the check ran and passed
     */
    static boolean check(AuthenticationFlowContext context, UserModel user, String module, FlowKind flow,
                         Supplier<Judgement> check) {
        KazooRealm kazoo = KazooRealm.of(context.getSession(), context.getRealm());
        if (!withinRate(context, kazoo, user, module, flow)) {
            return false;
        }
        LoginLock.Admission admission = requestAdmissions(context.getSession()).admit(kazoo.loginLock(), user.getId(),
                module, () -> subjects(context, kazoo, user));
        switch (admission.verdict()) {
            case LOCKED -> {
                announce(context, user, module, admission.emptied());
                refuseLocked(context, user, flow);
                return false;
            }
            case BUSY -> {
                context.getEvent().user(user).detail(Details.REASON, KazooException.LOGIN_BUSY_TEXT)
                        .error(AttemptOutcome.LOGIN_BUSY_ERROR);
                context.challenge(retryLater(context, flow, KazooException.loginBusy(), BUSY_MESSAGE));
                return false;
            }
            default -> {
                Judgement judgement = Judgement.NOT_JUDGED;
                try {
                    judgement = check.get();
                } finally {
                    switch (judgement) {
                        // a good check's reservation is held for the request's next checks, given back at its end
                        case GOOD -> context.getAuthenticationSession().setAuthNote(CHECKED_NOTE, "true");
                        case WRONG -> announce(context, user, module, admission.failed());
                        case NOT_JUDGED -> admission.cancelled();
                    }
                }
                return judgement == Judgement.GOOD;
            }
        }
    }

    /**
     * The lock's admissions of this request. What they hold goes back with the request's commit: written just
     * before it, the last statements of its transaction; made again on their own if it rolls back.
     */
    private static RequestAdmissions requestAdmissions(KeycloakSession session) {
        RequestAdmissions admissions = session.getAttribute(ADMISSIONS_ATTRIBUTE, RequestAdmissions.class);
        if (admissions == null) {
            RequestAdmissions fresh = new RequestAdmissions();
            session.setAttribute(ADMISSIONS_ATTRIBUTE, fresh);
            KeycloakTransactionManager transaction = session.getTransactionManager();
            transaction.enlistPrepare(new AbstractKeycloakTransaction() {
                @Override
                protected void commitImpl() {
                    fresh.beforeCommit();
                }

                @Override
                protected void rollbackImpl() {
                    // never called: a rollback skips what prepares the commit, the give-backs follow it below
                }
            });
            transaction.enlistAfterCompletion(new AbstractKeycloakTransaction() {
                @Override
                protected void commitImpl() {
                    fresh.committed();
                }

                @Override
                protected void rollbackImpl() {
                    fresh.rolledBack();
                }
            });
            admissions = fresh;
        }
        return admissions;
    }

    /**
     * Whether a login may go on that checked no credential through these steps (an SSO cookie, an identity
     * provider's answer): it pays nothing, and is refused with the locked page while one of the user's buckets is
     * empty. A login whose credential passed the lock here needs no second look.
     */
    static boolean allowsWithoutCredentials(AuthenticationFlowContext context, UserModel user, FlowKind flow) {
        if (context.getAuthenticationSession().getAuthNote(CHECKED_NOTE) != null) {
            return true;
        }
        KazooRealm kazoo = KazooRealm.of(context.getSession(), context.getRealm());
        if (!kazoo.loginLock().isLocked(subjects(context, kazoo, user))) {
            return true;
        }
        refuseLocked(context, user, flow);
        return false;
    }

    /** The buckets of this attempt: a known device's own, else the user's as the lock's scope says. */
    private static List<LockSubject> subjects(AuthenticationFlowContext context, KazooRealm kazoo, UserModel user) {
        return KnownDevice.bucket(context, kazoo, user).map(List::of).orElseGet(() -> kazoo.lockSubjects(user));
    }

    private static boolean withinRate(AuthenticationFlowContext context, KazooRealm kazoo, UserModel user,
                                      String module, FlowKind flow) {
        RateLimitSettings rate = kazoo.rateLimit();
        if (!rate.enabled()) {
            return true;
        }
        String key = context.getRealm().getId() + "/" + context.getConnection().getRemoteAddr() + "/"
                + kazoo.principals().accountOf(user).map(account -> account.id()).orElse("no_account");
        Optional<Duration> wait = RateLimits.NODE.pay(key, rate.bucket(), rate.cost(module),
                Instant.ofEpochMilli(Time.currentTimeMillis()));
        if (wait.isEmpty()) {
            return true;
        }
        KazooMetrics.rateLimited();
        context.getEvent().user(user).detail(Details.REASON, KazooException.TOO_MANY_REQUESTS_TEXT)
                .error(AttemptOutcome.TOO_MANY_REQUESTS_ERROR);
        long seconds = Math.max(1, wait.get().toSeconds());
        context.challenge(retryLater(context, flow, KazooException.tooManyRequests(seconds), TOO_MANY_REQUESTS_MESSAGE));
        return false;
    }

    private static void refuseLocked(AuthenticationFlowContext context, UserModel user, FlowKind flow) {
        KazooMetrics.lockRefused();
        context.getEvent().user(user).detail(Details.REASON, KazooException.ACCOUNT_LOCKED_TEXT)
                .error(AttemptOutcome.ACCOUNT_LOCKED_ERROR);
        Response refusal = flow == FlowKind.BROWSER
                ? context.form().setStatus(Response.Status.UNAUTHORIZED).createForm(LOCKED_PAGE)
                : TokenEndpointError.response(401, TokenEndpointBody.of(KazooException.accountLocked()));
        context.failure(AuthenticationFlowError.USER_TEMPORARILY_DISABLED, refusal);
    }

    /**
     * A refusal the client may retry after {@code Retry-After}: a page in the browser, a JSON body elsewhere. A
     * challenge, not a failure: the flow stays where it is for the retry, and the event above is the only one.
     */
    private static Response retryLater(AuthenticationFlowContext context, FlowKind flow, KazooException answer,
                                       String messageKey) {
        Response response = flow == FlowKind.BROWSER
                ? context.form().setError(messageKey).createErrorPage(Response.Status.fromStatusCode(answer.status()))
                : TokenEndpointError.response(answer.status(), TokenEndpointBody.of(answer));
        return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, answer.retryAfterSeconds()).build();
    }

    private static void announce(AuthenticationFlowContext context, UserModel user, String module,
                                 List<LockSubject> locked) {
        for (LockSubject subject : locked) {
            KazooMetrics.lockedOut(subject.kind());
            EventBuilder event = new EventBuilder(context.getRealm(), context.getSession(), context.getConnection())
                    .event(EventType.USER_DISABLED_BY_TEMPORARY_LOCKOUT)
                    .user(user)
                    .detail(Details.REASON, KazooException.ACCOUNT_LOCKED_TEXT)
                    .detail(BUCKET_DETAIL, subject.key())
                    .detail(KazooNotes.AUTH_MODULE_DETAIL, module);
            if (subject.accountId() != null) {
                event.detail(KazooNotes.ACCOUNT_ID_DETAIL, subject.accountId());
            }
            event.success();
        }
    }
}
