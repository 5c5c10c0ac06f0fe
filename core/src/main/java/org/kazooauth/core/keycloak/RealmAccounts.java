package org.kazooauth.core.keycloak;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logging.Logger;
import org.kazooauth.core.account.Account;
import org.kazooauth.core.account.Accounts;
import org.kazooauth.core.config.ConfigAttributes;
import org.kazooauth.core.config.ConfigSource;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A realm's groups as Kazoo accounts and its attributes as the account and system levels of the auth config.
 * <p>
 * Reads go through Keycloak's realm cache, which every node invalidates when a group or the realm changes: a
 * change anywhere in a chain shows on the next request everywhere, and a merge costs O(depth) cache reads.
 * One instance serves one request.
 */
public final class RealmAccounts implements Accounts, ConfigSource {

    private static final Logger LOG = Logger.getLogger(RealmAccounts.class);

    private final RealmModel realm;
    private final Map<String, Optional<GroupModel>> groups = new HashMap<>();

    public RealmAccounts(RealmModel realm) {
        this.realm = realm;
    }

    @Override
    public Optional<Account> find(String id) {
        return group(id).map(RealmAccounts::toAccount);
    }

    public Optional<GroupModel> group(String id) {
        return groups.computeIfAbsent(id, key -> Optional.ofNullable(realm.getGroupById(key)));
    }

    public static Account toAccount(GroupModel group) {
        return new Account(group.getId(), group.getName(), group.getParentId(),
                Boolean.parseBoolean(group.getFirstAttribute(KazooNames.RESELLER_ATTRIBUTE)));
    }

    @Override
    public ObjectNode accountConfig(Account account) {
        Map<String, String> attributes = new HashMap<>();
        group(account.id()).ifPresent(group -> group.getAttributes().forEach((key, values) -> {
            if (!values.isEmpty()) {
                attributes.put(key, values.get(0));
            }
        }));
        return ConfigAttributes.decode(attributes,
                problem -> LOG.warnf("account %s (%s): %s", account.name(), account.id(), problem));
    }

    /**
     * Replaces the account's own auth config: every {@code kazoo.auth_modules.*} attribute of its group goes, the
     * new leaves come. Other attributes of the group stay as they are.
     */
    public void replaceAccountConfig(Account account, ObjectNode config) {
        GroupModel group = group(account.id()).orElseThrow(
                () -> new IllegalStateException("account " + account.id() + " vanished during the request"));
        group.getAttributes().keySet().stream()
                .filter(key -> key.startsWith(ConfigAttributes.PREFIX))
                .toList()
                .forEach(group::removeAttribute);
        ConfigAttributes.encode(config).forEach(group::setSingleAttribute);
    }

    @Override
    public ObjectNode systemConfig() {
        return ConfigAttributes.decode(realm.getAttributes(),
                problem -> LOG.warnf("realm %s: %s", realm.getName(), problem));
    }

    /** The accounts a user is a direct member of. */
    public static List<Account> memberships(UserModel user) {
        return user.getGroupsStream().map(RealmAccounts::toAccount).toList();
    }
}
