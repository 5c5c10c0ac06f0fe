package org.kazooauth.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.account.Account;
import org.kazooauth.core.account.AccountTree;
import org.kazooauth.core.json.Json;

import java.util.List;

/**
 * Kazoo's {@code hierarchy_merge} of the {@code crossbar.auth} config: the account's own config, then its
 * ancestors nearest first up to and including the first reseller (none when the account is a reseller), then
 * the system config, then the schema's code defaults. A deep merge in which the nearer level wins.
 * <p>
 * Unlike Kazoo, the code defaults are always the bottom layer rather than a fallback used only when no level
 * defines {@code auth_modules}: Kazoo writes them into the system config on first use, so the result is the same,
 * except that a module an operator left out of the system config still has its defaults here.
 */
public final class AuthConfigHierarchy {

    private final AccountTree tree;
    private final ConfigSource source;

    public AuthConfigHierarchy(AccountTree tree, ConfigSource source) {
        this.tree = tree;
        this.source = source;
    }

    /** The config in force for the account's users: what every login of the account obeys. */
    public ObjectNode effective(Account account) {
        return Json.merge(inherited(account), source.accountConfig(account));
    }

    /**
     * What the account inherits (Kazoo's {@code inherited_config}): the merge of every level above it, without
     * its own config. For a reseller: the system config only.
     */
    public ObjectNode inherited(Account account) {
        ObjectNode merged = system();
        List<Account> chain = tree.inheritanceChain(account);
        for (int i = chain.size() - 1; i >= 0; i--) {
            merged = Json.merge(merged, source.accountConfig(chain.get(i)));
        }
        return merged;
    }

    /** The system level: the realm's config over the code defaults. */
    public ObjectNode system() {
        return Json.merge(AuthConfigSchema.defaults(), source.systemConfig());
    }
}
