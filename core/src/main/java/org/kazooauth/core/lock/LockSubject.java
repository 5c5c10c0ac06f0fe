package org.kazooauth.core.lock;

import java.util.Optional;

/**
 * Whose bucket: an account or a user. Buckets carry the account they count for, so that the account's
 * {@code login_lock} finds its users' buckets too.
 *
 * @param key       the bucket's key: {@code account:<id>} or {@code user:<id>}
 * @param accountId the account the bucket counts for, {@code null} for a user outside every account
 */
public record LockSubject(String key, String accountId) {

    public static LockSubject account(String accountId) {
        return new LockSubject("account:" + accountId, accountId);
    }

    public static LockSubject user(String userId, Optional<String> accountId) {
        return new LockSubject("user:" + userId, accountId.orElse(null));
    }

    /** What the bucket counts for: {@code account}, {@code user} or {@code device}; never whose it is. */
    public String kind() {
        return key.substring(0, Math.max(0, key.indexOf(':')));
    }
}
