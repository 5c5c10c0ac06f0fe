package org.kazooauth.core.attempt;

/**
 * Kazoo's {@code auth_type} and {@code message} for the outcome of a login, from Keycloak's event error code.
 *
 * @param authType {@code jwt_auth_token} for the token step, {@code credentials} for the password
 * @param message  Kazoo's words
 */
public record AttemptOutcome(String authType, String message) {

    /** The event error of a login refused because the account's auth module is disabled. */
    public static final String MODULE_DISABLED_ERROR = "kazoo_auth_module_disabled";

    /** The event error of a login refused by the account lock. */
    public static final String ACCOUNT_LOCKED_ERROR = "kazoo_account_locked";

    /** The event error of a login that waited too long for other logins of its account (503, retryable). */
    public static final String LOGIN_BUSY_ERROR = "kazoo_login_busy";

    /** The event error of a token refused because the account requires a second factor the way in cannot ask. */
    public static final String MULTI_FACTOR_REQUIRED_ERROR = "kazoo_multi_factor_required";

    /** The event error of a login refused by Kazoo's rate limit (429). */
    public static final String TOO_MANY_REQUESTS_ERROR = "kazoo_too_many_requests";

    public static final String MULTI_FACTOR = "multi_factor";
    /** Event errors of the second factor; their attempts have auth_type {@code multi_factor}. */
    public static final String NO_MULTI_FACTOR_PROVIDER_ERROR = "kazoo_no_multi_factor_provider";
    public static final String MULTI_FACTOR_DISABLED_ERROR = "kazoo_multi_factor_provider_disabled";
    public static final String MULTI_FACTOR_MISCONFIGURED_ERROR = "kazoo_multi_factor_misconfigured";
    public static final String MULTI_FACTOR_UNAVAILABLE_ERROR = "kazoo_multi_factor_unavailable";
    public static final String MULTI_FACTOR_FAILED_ERROR = "kazoo_multi_factor_failed";
    /** The provider was unreachable and the step's fail mode is open: the login went on without it. */
    public static final String MULTI_FACTOR_FAILED_OPEN_ERROR = "kazoo_multi_factor_failed_open";

    /** Kazoo's {@code auth_type} of a service account's (API key's) login. */
    public static final String API_TOKEN = "account_api_token";

    public static final AttemptOutcome TOKEN_CREATED =
            new AttemptOutcome("jwt_auth_token", "authentication resulted in token creation");

    /**
     * @param error  the event's error code
     * @param reason the event's {@code reason} detail, when it has one
     */
    public static AttemptOutcome ofLoginError(String error, String reason) {
        String code = error == null ? "unknown error" : error;
        return switch (code) {
            case "invalid_user_credentials" -> new AttemptOutcome("credentials",
                    reason == null ? "invalid credentials" : "invalid credentials: " + reason);
            case "user_disabled" -> new AttemptOutcome("credentials", "user is disabled");
            case "user_temporarily_disabled" -> new AttemptOutcome("credentials",
                    "user is temporarily locked out by brute-force protection");
            case ACCOUNT_LOCKED_ERROR -> new AttemptOutcome("credentials",
                    "account is locked because of too many failed login attempts");
            case LOGIN_BUSY_ERROR -> new AttemptOutcome("credentials",
                    "too many logins of this account were being checked at once");
            case TOO_MANY_REQUESTS_ERROR -> new AttemptOutcome("credentials", "too many requests");
            case MODULE_DISABLED_ERROR -> new AttemptOutcome("jwt_auth_token",
                    reason == null ? "authentication module is disabled" : reason);
            case NO_MULTI_FACTOR_PROVIDER_ERROR -> new AttemptOutcome(MULTI_FACTOR,
                    "no multi factor authentication provider is configured");
            case MULTI_FACTOR_REQUIRED_ERROR, MULTI_FACTOR_DISABLED_ERROR, MULTI_FACTOR_MISCONFIGURED_ERROR, MULTI_FACTOR_UNAVAILABLE_ERROR,
                 MULTI_FACTOR_FAILED_ERROR, MULTI_FACTOR_FAILED_OPEN_ERROR -> new AttemptOutcome(MULTI_FACTOR, reason == null ? code : reason);
            default -> new AttemptOutcome("jwt_auth_token", reason == null ? code : code + ": " + reason);
        };
    }
}
