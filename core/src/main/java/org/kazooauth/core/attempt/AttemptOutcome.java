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

    public static final AttemptOutcome TOKEN_CREATED =
            new AttemptOutcome("jwt_auth_token", "authentication resulted in token creation");

    /**
     * @param error  the event's error code
     * @param reason the event's {@code reason} detail, when it has one
     */
    public static AttemptOutcome ofLoginError(String error, String reason) {
        String code = error == null ? "unknown error" : error;
        return switch (code) {
            case "invalid_user_credentials" -> new AttemptOutcome("credentials", "invalid credentials");
            case "user_disabled" -> new AttemptOutcome("credentials", "user is disabled");
            case "user_temporarily_disabled" -> new AttemptOutcome("credentials",
                    "user is temporarily locked out by brute-force protection");
            case MODULE_DISABLED_ERROR -> new AttemptOutcome("jwt_auth_token",
                    reason == null ? "authentication module is disabled" : reason);
            default -> new AttemptOutcome("jwt_auth_token", reason == null ? code : code + ": " + reason);
        };
    }
}
