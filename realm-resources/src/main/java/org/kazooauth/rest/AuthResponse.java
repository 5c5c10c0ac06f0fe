package org.kazooauth.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.account.Account;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.models.UserModel;

import java.util.Locale;
import java.util.Optional;

/**
 * Kazoo's {@code crossbar_util:response_auth}: who a token is for, in which account, under which reseller. The
 * answer of {@code user_auth}, {@code auth/tokeninfo} and {@code auth/callback}.
 */
final class AuthResponse {

    private AuthResponse() {
    }

    static ObjectNode of(KazooRealm kazoo, UserModel user) {
        ObjectNode data = Json.object();
        data.put("owner_id", user.getId());
        Optional<Account> account = kazoo.principals().accountOf(user);
        account.ifPresent(own -> {
            data.put("account_id", own.id());
            data.put("account_name", own.name());
            data.put("is_reseller", own.reseller());
            resellerOf(kazoo, own).ifPresent(reseller -> data.put("reseller_id", reseller.id()));
        });
        data.put("is_master_account", account.isEmpty());
        String locale = user.getFirstAttribute(UserModel.LOCALE);
        data.put("language", (locale == null ? Optional.ofNullable(kazoo.realm().getDefaultLocale()).orElse("en")
                : locale).toLowerCase(Locale.ROOT));
        data.putArray("apps");
        return data;
    }

    /** The account's reseller: itself when it is one, else the nearest reseller above it. */
    static Optional<Account> resellerOf(KazooRealm kazoo, Account account) {
        if (account.reseller()) {
            return Optional.of(account);
        }
        return kazoo.tree().ancestors(account).stream().filter(Account::reseller).findFirst();
    }
}
