package org.kazooauth.authn;

import jakarta.ws.rs.core.Response;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.attempt.AttemptOutcome;
import org.kazooauth.core.keycloak.KazooRealm;
import org.kazooauth.core.lock.LockSubject;
import org.kazooauth.core.lock.LoginLock;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The account lock around each credential check of the Kazoo steps (password, token, second factor): the check
 * is paid for before it runs and refunded when it passes, and while the user's bucket is empty it does not run at
 * all (DESIGN §4: checked before the password). A bucket emptied by a failure fires Keycloak's
 * {@code USER_DISABLED_BY_TEMPORARY_LOCKOUT} event, as Keycloak's own brute-force lock does.
 */
final class LockGate {

    /** Kazoo's answer to a locked login (DESIGN §4). */
    static final String LOCKED_ERROR = KazooException.ACCOUNT_LOCKED;
    static final String LOCKED_TEXT = KazooException.ACCOUNT_LOCKED_TEXT;
    static final String LOCKED_PAGE = "kazoo-account-locked.ftl";
    /** Event detail: the bucket that locked, {@code account:<id>} or {@code user:<id>}. */
    static final String BUCKET_DETAIL = "kazoo_lock_bucket";

    private LockGate() {
    }

    /**
     * Runs {@code check} behind the lock. The check answers the login itself either way and says whether the
     * credentials were good; a locked login is answered here without running it.
     *
     * @return whether the check ran and passed
     */
    static boolean check(AuthenticationFlowContext context, UserModel user, String module, FlowKind flow,
                         BooleanSupplier check) {
        KazooRealm kazoo = KazooRealm.of(context.getSession(), context.getRealm());
        LoginLock.Admission admission = kazoo.loginLock().admit(() -> kazoo.lockSubjects(user), module);
        if (!admission.admitted()) {
            announce(context, user, module, admission.emptied());
            context.getEvent().user(user).detail(Details.REASON, LOCKED_TEXT).error(AttemptOutcome.ACCOUNT_LOCKED_ERROR);
            context.failure(AuthenticationFlowError.USER_TEMPORARILY_DISABLED, refusal(context, flow));
            return false;
        }
        boolean good = check.getAsBoolean();
        if (good) {
            admission.succeeded();
        } else {
            announce(context, user, module, admission.emptied());
        }
        return good;
    }

    private static Response refusal(AuthenticationFlowContext context, FlowKind flow) {
        if (flow == FlowKind.BROWSER) {
            return context.form().setStatus(Response.Status.UNAUTHORIZED).createForm(LOCKED_PAGE);
        }
        return TokenEndpointError.response(TokenEndpointError.body(LOCKED_ERROR, LOCKED_TEXT));
    }

    private static void announce(AuthenticationFlowContext context, UserModel user, String module,
                                 List<LockSubject> locked) {
        for (LockSubject subject : locked) {
            EventBuilder event = new EventBuilder(context.getRealm(), context.getSession(), context.getConnection())
                    .event(EventType.USER_DISABLED_BY_TEMPORARY_LOCKOUT)
                    .user(user)
                    .detail(Details.REASON, LOCKED_TEXT)
                    .detail(BUCKET_DETAIL, subject.key())
                    .detail(KazooNotes.AUTH_MODULE_DETAIL, module);
            if (subject.accountId() != null) {
                event.detail(KazooNotes.ACCOUNT_ID_DETAIL, subject.accountId());
            }
            event.success();
        }
    }
}
