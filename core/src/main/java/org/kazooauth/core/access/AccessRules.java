package org.kazooauth.core.access;

import org.kazooauth.core.account.Account;
import org.kazooauth.core.account.AccountTree;

/**
 * Who may read and change what (DESIGN §4), stricter than Kazoo on purpose: a token from another tree gets
 * nothing, and a plain user may read their own account's settings but never change them.
 */
public final class AccessRules {

    private final AccountTree tree;

    public AccessRules(AccountTree tree) {
        this.tree = tree;
    }

    public boolean canReadSystem(Principal principal) {
        return principal.systemReader();
    }

    public boolean canManageSystem(Principal principal) {
        return principal.superAdmin();
    }

    /** Members of the account, admins of it or of an ancestor, and system readers. */
    public boolean canRead(Principal principal, Account target) {
        return canReadSystem(principal) || isMember(principal, target) || administers(principal, target);
    }

    /** Admins of the account or of an ancestor, and super admins. */
    public boolean canManage(Principal principal, Account target) {
        return canManageSystem(principal) || administers(principal, target);
    }

    /**
     * Who may see and lift an account's login lock (seed 002): super admins, and admins of a reseller whose tree
     * holds the account. Not admins of another reseller (Kazoo let them), nor admins of plain accounts.
     */
    public boolean canUnlock(Principal principal, Account target) {
        return canManageSystem(principal) || principal.accountAdmin() && principal.account()
                .map(own -> own.reseller() && tree.isSelfOrAncestor(own, target)).orElse(false);
    }

    /**
     * Whose multi-factor provider configs the caller may point an account at: accounts of the caller's own tree
     * (its account and every descendant) and the caller's ancestors, whose providers a sub-account may always use.
     */
    public boolean canUseMultiFactorConfigOf(Principal principal, Account owner) {
        return canManageSystem(principal) || principal.account()
                .map(own -> tree.isSelfOrAncestor(own, owner) || tree.isSelfOrAncestor(owner, own))
                .orElse(false);
    }

    private static boolean isMember(Principal principal, Account target) {
        return principal.account().map(own -> own.id().equals(target.id())).orElse(false);
    }

    private boolean administers(Principal principal, Account target) {
        return principal.accountAdmin()
                && principal.account().map(own -> tree.isSelfOrAncestor(own, target)).orElse(false);
    }
}
