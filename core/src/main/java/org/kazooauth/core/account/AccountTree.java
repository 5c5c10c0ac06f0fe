package org.kazooauth.core.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Walks the account tree upwards. Every walk is O(depth): it never lists the accounts of the realm. */
public final class AccountTree {

    /** Deeper than any real reseller tree; stops a walk over inconsistent data instead of looping. */
    static final int MAX_DEPTH = 64;

    private final Accounts accounts;

    public AccountTree(Accounts accounts) {
        this.accounts = accounts;
    }

    public Optional<Account> find(String id) {
        return id == null ? Optional.empty() : accounts.find(id);
    }

    /** The account's ancestors, nearest first, up to its top-level account. */
    public List<Account> ancestors(Account account) {
        List<Account> result = new ArrayList<>();
        Optional<Account> parent = find(account.parentId());
        while (parent.isPresent()) {
            if (result.size() == MAX_DEPTH) {
                throw new IllegalStateException("account " + account.id() + " is more than " + MAX_DEPTH
                        + " levels deep or its parents form a cycle");
            }
            result.add(parent.get());
            parent = find(parent.get().parentId());
        }
        return result;
    }

    public int depth(Account account) {
        return ancestors(account).size();
    }

    /** Whether {@code candidate} is {@code account} itself or one of its ancestors. */
    public boolean isSelfOrAncestor(Account candidate, Account account) {
        return candidate.id().equals(account.id())
                || ancestors(account).stream().anyMatch(a -> a.id().equals(candidate.id()));
    }

    /**
     * The accounts whose config an account inherits, nearest first, as Kazoo's {@code hierarchy_merge} walks them:
     * the parent, the grandparent, … up to AND including the first reseller. Empty when the account is itself a
     * reseller: a reseller inherits from the system only.
     */
    public List<Account> inheritanceChain(Account account) {
        List<Account> chain = new ArrayList<>();
        if (account.reseller()) {
            return chain;
        }
        for (Account ancestor : ancestors(account)) {
            chain.add(ancestor);
            if (ancestor.reseller()) {
                break;
            }
        }
        return chain;
    }

    /**
     * The account of a user who is a direct member of {@code memberships}: the deepest one, ties broken by the
     * smallest id, so the choice is the same on every node and every request.
     */
    public Optional<Account> accountOfMember(Collection<Account> memberships) {
        return memberships.stream()
                .min(Comparator.comparingInt((Account a) -> -depth(a)).thenComparing(Account::id));
    }
}
