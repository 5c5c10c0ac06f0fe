package org.kazooauth.core.account;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountTreeTest {

    private final TreeFixture fixture = new TreeFixture();
    private final Account master = fixture.add("master", null, true);
    private final Account acme = fixture.add("acme", "master", false);
    private final Account east = fixture.add("east", "acme", false);
    private final Account other = fixture.add("other", null, true);
    private final AccountTree tree = fixture.tree();

    private static List<String> ids(List<Account> accounts) {
        return accounts.stream().map(Account::id).toList();
    }

    @Test
    void ancestorsAreNearestFirst() {
        assertEquals(List.of("acme", "master"), ids(tree.ancestors(east)));
        assertEquals(List.of(), ids(tree.ancestors(master)));
        assertEquals(2, tree.depth(east));
    }

    @Test
    void selfOrAncestor() {
        assertTrue(tree.isSelfOrAncestor(master, east));
        assertTrue(tree.isSelfOrAncestor(east, east));
        assertFalse(tree.isSelfOrAncestor(east, acme));
        assertFalse(tree.isSelfOrAncestor(other, east));
    }

    @Test
    void inheritanceChainStopsAtTheFirstResellerIncludingIt() {
        Account sub = fixture.add("sub", "east", true);
        Account leaf = fixture.add("leaf", "sub", false);
        assertEquals(List.of("sub"), ids(tree.inheritanceChain(leaf)));
        assertEquals(List.of("acme", "master"), ids(tree.inheritanceChain(east)));
    }

    @Test
    void aResellerInheritsFromNoAccount() {
        Account subReseller = fixture.add("sub-reseller", "acme", true);
        assertEquals(List.of(), ids(tree.inheritanceChain(subReseller)));
        assertEquals(List.of(), ids(tree.inheritanceChain(master)));
    }

    @Test
    void aMemberOfSeveralAccountsBelongsToTheDeepest() {
        assertEquals("east", tree.accountOfMember(List.of(master, east, acme)).orElseThrow().id());
    }

    @Test
    void equallyDeepMembershipsAreBrokenBySmallestIdWhateverTheOrder() {
        Account globex = fixture.add("globex", "other", false);
        assertEquals("acme", tree.accountOfMember(List.of(globex, acme)).orElseThrow().id());
        assertEquals("acme", tree.accountOfMember(List.of(acme, globex)).orElseThrow().id());
    }

    @Test
    void noMembershipNoAccount() {
        assertTrue(tree.accountOfMember(List.of()).isEmpty());
    }

    @Test
    void aCycleInTheDataStopsTheWalkWithAClearError() {
        TreeFixture broken = new TreeFixture();
        Account a = broken.add("a", "b", false);
        broken.add("b", "a", false);
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> broken.tree().ancestors(a));
        assertTrue(error.getMessage().contains("cycle"), error.getMessage());
    }
}
