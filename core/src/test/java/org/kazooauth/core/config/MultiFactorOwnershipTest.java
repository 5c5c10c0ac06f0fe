package org.kazooauth.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kazooauth.core.account.TreeFixture;
import org.kazooauth.core.api.KazooException;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MultiFactorOwnershipTest {

    private static final Set<String> MINE = Set.of("mine");

    private static JsonNode request(String multiFactor) {
        return TreeFixture.parse("{\"auth_modules\":{\"cb_user_auth\":{\"multi_factor\":" + multiFactor + "}}}");
    }

    @Test
    void aConfigurationIdNeedsItsAccountId() {
        KazooException error = assertThrows(KazooException.class, () -> MultiFactorOwnership.check(
                request("{\"configuration_id\":\"c1\"}"), MINE::contains, (owner, id) -> id.equals("c1")));
        assertEquals("setting multi-factor configuration_id needs setting account_id",
                error.data().at("/auth_modules.cb_user_auth.account_id/required/message").asText());
    }

    @Test
    void onlyAccountsTheCallerMayUseAreAccepted() {
        assertDoesNotThrow(() -> MultiFactorOwnership.check(
                request("{\"configuration_id\":\"c1\",\"account_id\":\"mine\"}"), MINE::contains, (owner, id) -> id.equals("c1")));
        KazooException error = assertThrows(KazooException.class, () -> MultiFactorOwnership.check(
                request("{\"configuration_id\":\"c1\",\"account_id\":\"theirs\"}"), MINE::contains, (owner, id) -> id.equals("c1")));
        assertEquals("multi-factor account_id theirs is not in your account tree",
                error.data().at("/auth_modules.cb_user_auth.account_id/required/message").asText());
    }

    @Test
    void theConfigurationMustExistInThatAccount() {
        KazooException error = assertThrows(KazooException.class, () -> MultiFactorOwnership.check(
                request("{\"configuration_id\":\"gone\",\"account_id\":\"mine\"}"), MINE::contains,
                (owner, id) -> id.equals("c1")));
        assertEquals("account mine has no multi-factor configuration gone",
                error.data().at("/auth_modules.cb_user_auth.configuration_id/not_found/message").asText());
    }

    @Test
    void includeSubaccountsFalseIsNoLoophole() {
        assertThrows(KazooException.class, () -> MultiFactorOwnership.check(request(
                "{\"configuration_id\":\"c1\",\"account_id\":\"theirs\",\"include_subaccounts\":false}"),
                MINE::contains, (owner, id) -> id.equals("c1")));
    }

    @Test
    void anAccountIdAloneOrNoMultiFactorNeedsNoCheck() {
        assertDoesNotThrow(() -> MultiFactorOwnership.check(request("{\"account_id\":\"theirs\"}"), MINE::contains, (owner, id) -> id.equals("c1")));
        assertDoesNotThrow(() -> MultiFactorOwnership.check(TreeFixture.parse("{}"), MINE::contains, (owner, id) -> id.equals("c1")));
    }
}
