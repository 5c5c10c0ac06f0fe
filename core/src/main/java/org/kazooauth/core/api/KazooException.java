package org.kazooauth.core.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.json.Json;

/**
 * A request that ends in a Kazoo error envelope: the HTTP status, Kazoo's word for it ({@code message}) and
 * the details a client can act on ({@code data}). The factories give each kind of error one spelling.
 */
public final class KazooException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ObjectNode data;
    private final long retryAfterSeconds;

    public KazooException(int status, String kazooMessage, ObjectNode data) {
        this(status, kazooMessage, data, 0);
    }

    /** @param retryAfterSeconds when the client may try again ({@code Retry-After}); 0 when it should not */
    public KazooException(int status, String kazooMessage, ObjectNode data, long retryAfterSeconds) {
        super(kazooMessage, null, false, false);
        this.status = status;
        this.data = data;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds after which the same request may succeed ({@code Retry-After}); 0 when there is none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    /** Kazoo's word for the error, e.g. {@code "invalid credentials"}. */
    public String kazooMessage() {
        return getMessage();
    }

    public ObjectNode data() {
        return data.deepCopy();
    }

    private static ObjectNode explained(String explanation) {
        ObjectNode data = Json.object();
        data.put("message", explanation);
        return data;
    }

    /** Kazoo's error word for a refused login (its {@code add_system_error(401, invalid_credentials, …)}). */
    public static final String LOGIN_REFUSED = "invalid_credentials";

    /** 401 {@code invalid_credentials}: a login refused, for any reason the client may not learn. */
    public static KazooException loginRefused() {
        return new KazooException(401, LOGIN_REFUSED, explained("invalid credentials"));
    }

    /** Kazoo's answer to a locked login (DESIGN §4): its error word and its words for people. */
    public static final String ACCOUNT_LOCKED = "account_is_locked";
    public static final String ACCOUNT_LOCKED_TEXT = "your account is locked because of too many failed login attempts";

    /** 401 {@code account_is_locked}: the account lock refuses the login before anything is checked. */
    public static KazooException accountLocked() {
        return new KazooException(401, ACCOUNT_LOCKED, explained(ACCOUNT_LOCKED_TEXT));
    }

    /**
     * The answer to a login that waited too long for other logins of its account to be judged: the lock could
     * not take it in yet, and says so rather than "locked" (nothing was judged, nothing counted).
     */
    public static final String LOGIN_BUSY = "login_busy";
    public static final String LOGIN_BUSY_TEXT = "too many logins of this account are being checked at once; "
            + "try again in a moment";

    /** 503 {@code login_busy}, to try again after a second. */
    public static KazooException loginBusy() {
        return new KazooException(503, LOGIN_BUSY, explained(LOGIN_BUSY_TEXT), 1);
    }

    /** Kazoo's rate limit: its error word and its words for people. */
    public static final String TOO_MANY_REQUESTS = "too_many_requests";
    public static final String TOO_MANY_REQUESTS_TEXT = "too many requests";

    /** 429 {@code too_many_requests}: this address tried too fast; Kazoo's answer. */
    public static KazooException tooManyRequests(long retryAfterSeconds) {
        return new KazooException(429, TOO_MANY_REQUESTS, explained(TOO_MANY_REQUESTS_TEXT), retryAfterSeconds);
    }

    /** 401: no token, or one that is not valid (any more) for this realm. */
    public static KazooException invalidCredentials(String explanation) {
        return new KazooException(401, "invalid credentials", explained(explanation));
    }

    /** 403: the caller is known but may not do this. */
    public static KazooException forbidden(String explanation) {
        return new KazooException(403, "forbidden", explained(explanation));
    }

    /** 404 with Kazoo's {@code bad identifier} body: the id names nothing. */
    public static KazooException badIdentifier(String id, String cause) {
        ObjectNode data = explained("bad identifier");
        data.put("cause", cause);
        data.put("id", id);
        return new KazooException(404, "bad identifier", data);
    }

    /** 404: no such endpoint. */
    public static KazooException notFound(String explanation) {
        return new KazooException(404, "not found", explained(explanation));
    }

    /** 409 {@code conflict}: the request is sound but the realm's state stops it; the explanation says what to fix. */
    public static KazooException conflict(String explanation) {
        return new KazooException(409, "conflict", explained(explanation));
    }

    /** 400: the request could not be read at all (not JSON, no {@code data} object, ...). */
    public static KazooException invalidData(String explanation) {
        return new KazooException(400, "invalid data", explained(explanation));
    }

    /** 400 with errors keyed like Kazoo's; build them with {@link ValidationErrors}. */
    public static KazooException validationFailed(ObjectNode errors) {
        return new KazooException(400, "validation failed", errors);
    }
}
