package org.kazooauth.core.access;

import org.junit.jupiter.api.Test;
import org.kazooauth.core.account.Account;
import org.kazooauth.core.account.TreeFixture;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessRulesTest {

    private final TreeFixture fixture = new TreeFixture();
    private final Account master = fixture.add("master", null, true);
    private final Account acme = fixture.add("acme", "master", false);
    private final Account east = fixture.add("east", "acme", false);
    private final Account globex = fixture.add("globex", null, true);
    private final AccessRules rules = new AccessRules(fixture.tree());

    private static Principal user(Account account) {
        return new Principal("u", Optional.ofNullable(account), false, false, false);
    }

    private static Principal admin(Account account) {
        return new Principal("a", Optional.of(account), false, false, true);
    }

    @Test
    void aPlainUserReadsOnlyTheirOwnAccountAndChangesNothing() {
        assertTrue(rules.canRead(user(acme), acme));
        assertFalse(rules.canRead(user(acme), east), "not a sub-account either");
        assertFalse(rules.canRead(user(acme), master));
        assertFalse(rules.canManage(user(acme), acme));
        assertFalse(rules.canReadSystem(user(acme)));
    }

    @Test
    void anAdminActsOnTheirAccountAndEveryDescendant() {
        assertTrue(rules.canManage(admin(acme), acme));
        assertTrue(rules.canManage(admin(acme), east));
        assertTrue(rules.canRead(admin(master), east));
        assertFalse(rules.canRead(admin(acme), master), "never upwards");
        assertFalse(rules.canManage(admin(east), acme));
        assertFalse(rules.canManageSystem(admin(master)));
    }

    @Test
    void anotherTreeGetsNothing() {
        assertFalse(rules.canRead(admin(globex), acme));
        assertFalse(rules.canManage(admin(globex), east));
    }

    @Test
    void onlyTheResellersAdminsAndSuperAdminsLiftALoginLock() {
        assertTrue(rules.canUnlock(admin(master), east), "the reseller's tree holds it");
        assertTrue(rules.canUnlock(admin(master), master));
        assertFalse(rules.canUnlock(admin(acme), east), "acme manages east but is no reseller");
        assertFalse(rules.canUnlock(admin(globex), acme), "another reseller's admin");
        assertFalse(rules.canUnlock(user(master), acme), "a reseller's plain user");
        assertTrue(rules.canUnlock(new Principal("s", Optional.empty(), true, true, false), east));
    }

    @Test
    void aUserWithoutAccountGetsNoAccount() {
        Principal adminWithoutAccount = new Principal("x", Optional.empty(), false, false, true);
        assertFalse(rules.canRead(adminWithoutAccount, acme));
        assertFalse(rules.canRead(user(null), acme));
    }

    @Test
    void superAdminDoesEverythingAndASystemReaderReadsEverything() {
        Principal superAdmin = new Principal("s", Optional.empty(), true, false, false);
        assertTrue(superAdmin.systemReader(), "manage-realm implies view-realm");
        assertTrue(rules.canManage(superAdmin, east));
        assertTrue(rules.canManageSystem(superAdmin));

        Principal reader = new Principal("r", Optional.empty(), false, true, false);
        assertTrue(rules.canRead(reader, globex));
        assertTrue(rules.canReadSystem(reader));
        assertFalse(rules.canManage(reader, globex));
        assertFalse(rules.canManageSystem(reader));
    }

    @Test
    void multiFactorConfigsOfTheCallersTreeAndOfItsAncestorsMayBeUsed() {
        assertTrue(rules.canUseMultiFactorConfigOf(admin(acme), east), "own tree");
        assertTrue(rules.canUseMultiFactorConfigOf(user(acme), acme), "own account");
        assertTrue(rules.canUseMultiFactorConfigOf(admin(east), master), "an ancestor's");
        assertFalse(rules.canUseMultiFactorConfigOf(admin(acme), globex), "another tree's");
        assertFalse(rules.canUseMultiFactorConfigOf(user(null), acme));
        assertTrue(rules.canUseMultiFactorConfigOf(new Principal("s", Optional.empty(), true, false, false), globex));
    }
}
