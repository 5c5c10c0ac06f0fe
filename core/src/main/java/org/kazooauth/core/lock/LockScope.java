package org.kazooauth.core.lock;

import java.util.Locale;
import java.util.Optional;

/**
 * Whose bucket a failed login drains. Kazoo locks the whole account, because it could not tell which user was
 * trying; Keycloak knows the user, so a lock can also be per user, or both at once.
 */
public enum LockScope {
    /** Kazoo's: the user's account (a user outside every account has a bucket of their own). */
    ACCOUNT,
    /** Only the user. */
    USER,
    /** The account and the user: either one being empty locks. */
    BOTH;

    public String kazooName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LockScope> ofKazooName(String name) {
        for (LockScope scope : values()) {
            if (scope.kazooName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
