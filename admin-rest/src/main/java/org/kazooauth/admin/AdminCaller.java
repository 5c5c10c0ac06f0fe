package org.kazooauth.admin;

import org.kazooauth.core.account.Account;
import org.kazooauth.core.keycloak.RealmAccounts;
import org.kazooauth.rest.Caller;
import org.keycloak.models.GroupModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import java.util.function.Predicate;

/**
 * A Keycloak administrator on the admin mount, judged by Keycloak's own admin permissions: the system needs
 * view-realm / manage-realm, an account needs view / manage on its group (fine-grained admin permissions apply).
 */
record AdminCaller(String authToken, AdminPermissionEvaluator auth, RealmAccounts accounts) implements Caller {

    @Override
    public String describe() {
        return "admin " + auth.adminAuth().getUser().getUsername() + " of realm "
                + auth.adminAuth().getRealm().getName();
    }

    @Override
    public boolean canReadSystem() {
        return auth.realm().canViewRealm();
    }

    @Override
    public boolean canManageSystem() {
        return auth.realm().canManageRealm();
    }

    @Override
    public boolean canRead(Account account) {
        return onGroup(account, group -> auth.groups().canView(group));
    }

    @Override
    public boolean canManage(Account account) {
        return onGroup(account, group -> auth.groups().canManage(group));
    }

    /** Keycloak administrators who may manage the account's group may also lift its login lock. */
    @Override
    public boolean canUnlock(Account account) {
        return canManage(account);
    }

    @Override
    public AdminAuth adminAuth() {
        return auth.adminAuth();
    }

    /** Realm managers may use any account's provider configs; group managers those of the groups they manage. */
    @Override
    public boolean canUseMultiFactorConfigOf(Account owner) {
        return canManageSystem() || canManage(owner);
    }

    private boolean onGroup(Account account, Predicate<GroupModel> permission) {
        return accounts.group(account.id()).map(permission::test).orElse(false);
    }
}
