package org.kazooauth.rest;

import org.kazooauth.core.account.Account;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * Who is calling the Kazoo API and what they may do. The realm mount's callers are realm users judged by
 * DESIGN §4 ({@link TokenCaller}); the admin mount's are Keycloak administrators judged by Keycloak's own admin
 * permissions. Endpoints only ever ask these questions, so one resource tree serves both.
 */
public interface Caller {

    /** The token the caller presented, echoed as the envelope's {@code auth_token}. */
    String authToken();

    /** Who this is, for the audit log. */
    String describe();

    boolean canReadSystem();

    boolean canManageSystem();

    boolean canRead(Account account);

    boolean canManage(Account account);

    /** Whether the caller may see and lift the account's login lock. */
    boolean canUnlock(Account account);

    /** Who the caller is on Keycloak's admin events. */
    AdminAuth adminAuth();

    /** Whether the caller may point an account's {@code multi_factor} at the provider configs of {@code owner}. */
    boolean canUseMultiFactorConfigOf(Account owner);
}
