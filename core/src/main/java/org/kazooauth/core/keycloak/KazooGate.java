package org.kazooauth.core.keycloak;

import org.kazooauth.core.account.Account;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.attempt.AttemptOutcome;
import org.kazooauth.core.config.AuthConfigSchema;
import org.kazooauth.core.config.AuthModuleSettings;
import org.kazooauth.core.json.Json;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

import java.util.Optional;
import java.util.Set;

/**
 * The one gate every way of getting a token asks (DESIGN §4): for a user or service account, the Kazoo auth module
 * of the way in, and what that way can still check — is the module enabled for the account, is the user locked,
 * does the account require a second factor that the login this token stands on has not passed — and how long
 * the token may live. The flow steps, the client-policy executor on Keycloak's grants and the {@code /v2/auth}
 * logins all ask it; none decides these on its own.
 */
public final class KazooGate {

    /** Session attribute: the auth module of the token this request issues (read by the lifetime mapper). */
    public static final String MODULE_ATTRIBUTE = "kazoo.gate.module";
    /**
     * User session note: this session's login satisfied the account's second-factor rule (the factor passed, or
     * Kazoo's rules let the login on without one).
     */
    public static final String MULTI_FACTOR_NOTE = "kazoo.multi_factor";
    /** Client session note: a Kazoo flow's login policy gated this login itself. */
    public static final String GATED_NOTE = "kazoo.gated";

    /** What a way in can still check: a grant that checks no credential cannot ask for one, say. */
    public enum Check {
        /** The module's {@code enabled}. */
        ENABLED,
        /** The account lock (read only: paying is for the steps that judge credentials). */
        LOCK,
        /** The second factor, which this way cannot ask for: the login it stands on must have passed it. */
        SECOND_FACTOR
    }

    /**
     * Why no token: the event error and reason for the administrators, Kazoo's answer for the client.
     */
    public record Refusal(String eventError, String reason, KazooException answer) {
    }

    private final KazooRealm kazoo;

    KazooGate(KazooRealm kazoo) {
        this.kazoo = kazoo;
    }

    /** The first of {@code checks} that refuses {@code user} a token through {@code module}, if any. */
    public Optional<Refusal> refusal(UserModel user, String module, Set<Check> checks,
                                     Optional<UserSessionModel> standingOn) {
        AuthModuleSettings settings = kazoo.settingsFor(user, module);
        if (checks.contains(Check.ENABLED) && !settings.enabled()) {
            String reason = "authentication module " + module + " is disabled";
            return Optional.of(new Refusal(AttemptOutcome.MODULE_DISABLED_ERROR, reason, new KazooException(401,
                    KazooException.LOGIN_REFUSED, Json.object().put("message", "invalid credentials: " + reason))));
        }
        if (checks.contains(Check.LOCK) && kazoo.loginLock().isLocked(kazoo.lockSubjects(user))) {
            return Optional.of(new Refusal(AttemptOutcome.ACCOUNT_LOCKED_ERROR, KazooException.ACCOUNT_LOCKED_TEXT,
                    KazooException.accountLocked()));
        }
        if (checks.contains(Check.SECOND_FACTOR) && secondFactorMissing(user, standingOn)) {
            String reason = "the account asks for a second factor, which this way of getting a token cannot ask "
                    + "for; log in through the browser or PUT /v2/user_auth";
            return Optional.of(new Refusal(AttemptOutcome.MULTI_FACTOR_REQUIRED_ERROR, reason, new KazooException(401,
                    KazooException.LOGIN_REFUSED, Json.object().put("message", reason))));
        }
        return Optional.empty();
    }

    /** Whether the account asks {@code user} for a second factor (Kazoo's rule, on {@code cb_user_auth}). */
    public boolean secondFactorRequired(UserModel user, String module) {
        Optional<Account> account = kazoo.principals().accountOf(user);
        return kazoo.settingsFor(user, module).multiFactor().requiredFor(account);
    }

    /** Whether the account asks for a second factor that the session's login did not pass. */
    public boolean secondFactorMissing(UserModel user, Optional<UserSessionModel> standingOn) {
        return secondFactorRequired(user, AuthConfigSchema.USER_AUTH)
                && standingOn.map(userSession -> userSession.getNote(MULTI_FACTOR_NOTE) == null).orElse(true);
    }

    /**
     * The access token lifetime of {@code module} for {@code user}: its merged {@code token_auth_expiry_s}, never
     * more than {@link AuthConfigSchema#MAX_TOKEN_AUTH_EXPIRY_S}, whatever was stored before that bound existed.
     */
    public long lifetimeSeconds(UserModel user, String module) {
        return Math.min(kazoo.settingsFor(user, module).tokenAuthExpirySeconds(), AuthConfigSchema.MAX_TOKEN_AUTH_EXPIRY_S);
    }
}
