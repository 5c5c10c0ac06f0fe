package org.kazooauth.core.access;

import org.kazooauth.core.account.Account;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a realm user is to Kazoo.
 *
 * @param userId       the Keycloak user id (Kazoo's {@code owner_id})
 * @param account      the user's account, empty for a user who belongs to none
 * @param superAdmin   Kazoo's super duper admin: {@code manage-realm} (or {@code realm-admin}) in this realm
 * @param systemReader read-only system access: {@code view-realm}, or a super admin
 * @param accountAdmin Kazoo's {@code priv_level: admin}: the realm role {@code kazoo-account-admin}
 */
public record Principal(String userId, Optional<Account> account, boolean superAdmin, boolean systemReader,
                        boolean accountAdmin) {

    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(account, "account");
        systemReader = systemReader || superAdmin;
    }
}
