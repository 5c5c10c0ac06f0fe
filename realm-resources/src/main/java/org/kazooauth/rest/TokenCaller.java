package org.kazooauth.rest;

import org.kazooauth.core.access.AccessRules;
import org.kazooauth.core.access.Principal;
import org.kazooauth.core.account.Account;
import org.keycloak.services.resources.admin.AdminAuth;

/** A realm user calling with a token of the realm, judged by DESIGN §4's account rules. */
record TokenCaller(String authToken, String username, Principal principal, AccessRules rules, AdminAuth adminAuth)
        implements Caller {

    @Override
    public String describe() {
        return "user " + username + " (" + principal.userId() + ")";
    }

    @Override
    public boolean canReadSystem() {
        return rules.canReadSystem(principal);
    }

    @Override
    public boolean canManageSystem() {
        return rules.canManageSystem(principal);
    }

    @Override
    public boolean canRead(Account account) {
        return rules.canRead(principal, account);
    }

    @Override
    public boolean canManage(Account account) {
        return rules.canManage(principal, account);
    }

    @Override
    public boolean canUnlock(Account account) {
        return rules.canUnlock(principal, account);
    }

    @Override
    public boolean canUseMultiFactorConfigOf(Account owner) {
        return rules.canUseMultiFactorConfigOf(principal, owner);
    }
}
