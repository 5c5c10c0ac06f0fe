package org.kazooauth.core.config;

import org.kazooauth.core.account.Account;

import java.util.Optional;

/**
 * A module's merged {@code multi_factor} block.
 *
 * @param enabled            whether the module asks for a second factor
 * @param includeSubaccounts whether settings owned by an account apply to its sub-accounts too
 * @param accountId          the account owning the provider config (and whose users the setting targets)
 * @param configurationId    the provider config to use; the system default provider when empty
 */
public record MultiFactorSettings(boolean enabled, boolean includeSubaccounts, Optional<String> accountId,
                                  Optional<String> configurationId) {

    /**
     * Kazoo's {@code is_multi_factor_enabled}: enabled in the merged config, and the user is a system user (no
     * account, Kazoo's master account), or no {@code account_id} narrows it, or it names the user's own account,
     * or {@code include_subaccounts} extends it to sub-accounts.
     */
    public boolean requiredFor(Optional<Account> userAccount) {
        if (!enabled) {
            return false;
        }
        return userAccount.isEmpty()
                || accountId.isEmpty()
                || accountId.get().equals(userAccount.get().id())
                || includeSubaccounts;
    }
}
