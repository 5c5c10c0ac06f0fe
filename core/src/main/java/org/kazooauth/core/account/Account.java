package org.kazooauth.core.account;

import java.util.Objects;
import java.util.Optional;

/**
 * A Kazoo account: a Keycloak group. Sub-accounts are subgroups, the realm is the system above every top-level
 * account, and a reseller is an account marked with the {@code kazoo.reseller} attribute.
 *
 * @param id       the account id (the group id)
 * @param name     the display name (the group name)
 * @param parentId the parent account's id, {@code null} for a top-level account
 * @param reseller whether the account is a reseller
 */
public record Account(String id, String name, String parentId, boolean reseller) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    public Optional<String> parent() {
        return Optional.ofNullable(parentId);
    }
}
