package org.kazooauth.core.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.config.ConfigSource;
import org.kazooauth.core.json.Json;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An account tree and its config levels held in maps: the plain-Java stand-in for a realm's groups. */
public final class TreeFixture implements Accounts, ConfigSource {

    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, ObjectNode> configs = new HashMap<>();
    private ObjectNode system = Json.object();

    public Account add(String id, String parentId, boolean reseller) {
        Account account = new Account(id, "Account " + id, parentId, reseller);
        accounts.put(id, account);
        return account;
    }

    public TreeFixture config(String accountId, String json) {
        configs.put(accountId, parse(json));
        return this;
    }

    public TreeFixture system(String json) {
        system = parse(json);
        return this;
    }

    public AccountTree tree() {
        return new AccountTree(this);
    }

    public static ObjectNode parse(String json) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    @Override
    public Optional<Account> find(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public ObjectNode accountConfig(Account account) {
        return configs.getOrDefault(account.id(), Json.object()).deepCopy();
    }

    @Override
    public ObjectNode systemConfig() {
        return system.deepCopy();
    }
}
