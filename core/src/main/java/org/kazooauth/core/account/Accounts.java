package org.kazooauth.core.account;

import java.util.Optional;

/** Looks accounts up by id. Keycloak's groups implement it in production, a map in unit tests. */
@FunctionalInterface
public interface Accounts {

    Optional<Account> find(String id);
}
