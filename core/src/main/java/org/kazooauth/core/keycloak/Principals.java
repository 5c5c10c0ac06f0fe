package org.kazooauth.core.keycloak;

import org.jboss.logging.Logger;
import org.kazooauth.core.access.Principal;
import org.kazooauth.core.account.Account;
import org.kazooauth.core.account.AccountTree;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves who a realm user is to Kazoo from the user's CURRENT group memberships and role mappings (not from
 * the claims of an older token), so revoking a role or moving a user takes effect on the next request. As in
 * Keycloak's own admin API, a role counts only when the client the token was issued to has it in scope: a realm
 * administrator's token from a client without the admin roles in scope carries no admin power here.
 */
public final class Principals {

    private static final Logger LOG = Logger.getLogger(Principals.class);

    /** Users already warned about belonging to several accounts: the warning is logged once per node. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static final int MAX_WARNED = 10_000;

    private final RealmModel realm;
    private final AccountTree tree;

    public Principals(RealmModel realm, AccountTree tree) {
        this.realm = realm;
        this.tree = tree;
    }

    /** Who {@code user} is when calling with a token issued to {@code client}. */
    public Principal of(UserModel user, ClientModel client) {
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        return new Principal(user.getId(), accountOf(user),
                holdsInScope(user, client, management == null ? null : management.getRole(AdminRoles.MANAGE_REALM)),
                holdsInScope(user, client, management == null ? null : management.getRole(AdminRoles.VIEW_REALM)),
                holdsInScope(user, client, realm.getRole(KazooNames.ACCOUNT_ADMIN_ROLE)));
    }

    /** The account the user is a direct member of; of several, the deepest, ties to the smallest id. */
    public Optional<Account> accountOf(UserModel user) {
        List<Account> memberships = RealmAccounts.memberships(user);
        Optional<Account> chosen = tree.accountOfMember(memberships);
        if (memberships.size() > 1 && chosen.isPresent() && warnOnce(user.getId())) {
            LOG.warnf("user %s belongs to %d accounts; using the deepest, %s (%s). Put the user in one account.",
                    user.getUsername(), memberships.size(), chosen.get().name(), chosen.get().id());
        }
        return chosen;
    }

    private static boolean warnOnce(String userId) {
        if (WARNED.size() > MAX_WARNED) {
            WARNED.clear();
        }
        return WARNED.add(userId);
    }

    private static boolean holdsInScope(UserModel user, ClientModel client, RoleModel role) {
        return role != null && user.hasRole(role) && client.hasScope(role);
    }
}
