package org.kazooauth.bench;

import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import static org.kazooauth.bench.BenchSetup.ok;

/**
 * P2 beyond the account tree: reads that must not grow with what else the realm holds. An account's provider
 * configs, read before and after the realm gains many more configs of other accounts; and, side by side in
 * alternating rounds, the login lock and a page of attempts of an account of a few users and few attempts beside
 * those of an account of very many users and very many attempt rows. The attempt rows go straight into the
 * database (logging a million logins would take days); everything else is made through the APIs.
 */
final class GrowthBench {

    static final String LOCK_SMALL = "Kazoo GET …/login_lock, account of few users";
    static final String LOCK_CROWD = "Kazoo GET …/login_lock, account of many users";
    static final String ATTEMPTS_SMALL = "Kazoo GET …/attempts, account of few rows";
    static final String ATTEMPTS_CROWD = "Kazoo GET …/attempts, account of many rows";
    static final String CONFIGS = "Kazoo GET /v2/accounts/{A}/multi_factor";

    /** How big: users and attempt rows of the crowded account, provider configs of other accounts. */
    record Sizes(int crowdUsers, int attemptRows, int configOwners, int configs) {
    }

    private final KazooHttp http;
    private final BenchSetup setup;
    private final Supplier<String> superadmin;
    private final List<String> owners = new ArrayList<>();
    /** {@code owner/id} of the configs written through the API. */
    private final List<String> apiConfigs = new ArrayList<>();
    /** Component ids of the copies written straight into the database. */
    private final List<String> copiedConfigs = new ArrayList<>();
    String smallAccount;
    String crowdAccount;

    GrowthBench(KazooHttp http, BenchSetup setup, Supplier<String> superadmin) {
        this.http = http;
        this.setup = setup;
        this.superadmin = superadmin;
    }

    /** Two accounts: one of a few users and attempts, one of {@code crowdUsers} users and {@code attemptRows}. */
    void accounts(Sizes sizes, TestDatabase database, String realmId) throws SQLException {
        smallAccount = setup.account("Bench Small");
        crowdAccount = setup.account("Bench Crowd");
        setup.usersWithoutPassword("bench-small-", 10, "/Bench Small");
        setup.usersWithoutPassword("bench-crowd-", sizes.crowdUsers(), "/Bench Crowd");
        insertAttempts(database, realmId, smallAccount, 10);
        insertAttempts(database, realmId, crowdAccount, sizes.attemptRows());
        System.out.println("[bench] made 'Bench Crowd' with " + sizes.crowdUsers() + " users and "
                + sizes.attemptRows() + " attempt rows");
    }

    /**
     * {@code configs} hmac_totp configs spread over {@code configOwners} new accounts. Each owner's first config is
     * written through the API, four writers at once; the rest are copies of those rows written straight into
     * Keycloak's component tables, then the realm cache is cleared: through the API each write costs O(configs of
     * the realm), as Keycloak reloads a realm's every component after any component change (README "Benchmarks"),
     * so ten thousand would take hours. What is measured is the read, which must not care how the rows came.
     * How long one more write takes through the API at that size is measured and returned, in milliseconds.
     */
    long manyConfigs(Sizes sizes, TestDatabase database, Supplier<String> admin) throws Exception {
        for (int i = 0; i < sizes.configOwners(); i++) {
            owners.add(setup.account("Bench Owner " + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> made = new ArrayList<>();
            for (String owner : owners) {
                int n = made.size();
                made.add(pool.submit(() -> writeConfig(owner, n)));
            }
            for (int i = 0; i < made.size(); i++) {
                apiConfigs.add(owners.get(i) + "/" + made.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
        copyConfigs(database, sizes.configs() - owners.size());
        ok(http.request("POST", "/admin/realms/demo/clear-realm-cache", null, KazooHttp.bearer(admin.get())),
                "clearing the realm cache");
        long began = System.nanoTime();
        String owner = owners.get(0);
        apiConfigs.add(owner + "/" + writeConfig(owner, sizes.configs()));
        return (System.nanoTime() - began) / 1_000_000;
    }

    private String writeConfig(String owner, int n) {
        return ok(http.request("PUT", "/realms/demo/kazoo/v2/accounts/" + owner + "/multi_factor", "{\"data\":{"
                + "\"name\":\"bench " + n + "\",\"provider_name\":\"hmac_totp\",\"settings\":{\"token_secret\":\"s"
                + n + "\",\"otp_seed\":\"" + BenchSetup.OTP_SEED + "\"}}}", KazooHttp.bearer(superadmin.get())),
                "config " + n).at("/data/id").asText();
    }

    /** {@code count} copies of the owners' API-made configs (a new component id and Kazoo id each), in batches. */
    private void copyConfigs(TestDatabase database, int count) throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            List<String[]> templates = new ArrayList<>();
            try (PreparedStatement find = connection.prepareStatement("select c.ID, c.PARENT_ID from COMPONENT c"
                    + " join COMPONENT_CONFIG k on k.COMPONENT_ID = c.ID where k.NAME = 'kazoo.id' and k.VALUE = ?")) {
                for (String config : apiConfigs) {
                    find.setString(1, config.substring(config.indexOf('/') + 1));
                    try (ResultSet row = find.executeQuery()) {
                        if (!row.next()) {
                            throw new IllegalStateException("config " + config + " is not in the COMPONENT table");
                        }
                        templates.add(new String[]{row.getString(1), row.getString(2)});
                    }
                }
            }
            try (PreparedStatement component = connection.prepareStatement("insert into COMPONENT (ID, NAME,"
                    + " PARENT_ID, PROVIDER_ID, PROVIDER_TYPE, REALM_ID, SUB_TYPE) select ?, ?, PARENT_ID, PROVIDER_ID,"
                    + " PROVIDER_TYPE, REALM_ID, SUB_TYPE from COMPONENT where ID = ?");
                 PreparedStatement config = connection.prepareStatement("insert into COMPONENT_CONFIG (ID,"
                         + " COMPONENT_ID, NAME, VALUE) select ?, ?, NAME, case when NAME = 'kazoo.id' then ? else"
                         + " VALUE end from COMPONENT_CONFIG where COMPONENT_ID = ? and NAME = ?");
                 PreparedStatement names = connection.prepareStatement(
                         "select NAME from COMPONENT_CONFIG where COMPONENT_ID = ?")) {
                Map<String, List<String>> keys = new LinkedHashMap<>();
                for (String[] template : templates) {
                    names.setString(1, template[0]);
                    List<String> list = new ArrayList<>();
                    try (ResultSet row = names.executeQuery()) {
                        while (row.next()) {
                            list.add(row.getString(1));
                        }
                    }
                    keys.put(template[0], list);
                }
                for (int i = 0; i < count; i++) {
                    String[] template = templates.get(i % templates.size());
                    String id = UUID.randomUUID().toString();
                    copiedConfigs.add(id);
                    component.setString(1, id);
                    component.setString(2, "bench copy " + i);
                    component.setString(3, template[0]);
                    component.addBatch();
                    for (String name : keys.get(template[0])) {
                        config.setString(1, UUID.randomUUID().toString());
                        config.setString(2, id);
                        config.setString(3, UUID.randomUUID().toString());
                        config.setString(4, template[0]);
                        config.setString(5, name);
                        config.addBatch();
                    }
                    if ((i + 1) % 1000 == 0 || i == count - 1) {
                        component.executeBatch();
                        config.executeBatch();
                        connection.commit();
                        System.out.println("[bench] " + (i + 1) + " of " + count + " provider configs copied");
                    }
                }
            }
        }
    }

    /** The lock and attempts reads of both accounts, to be alternated. */
    Map<String, IntFunction<Callable<Boolean>>> accountReads() {
        Map<String, IntFunction<Callable<Boolean>>> reads = new LinkedHashMap<>();
        reads.put(LOCK_SMALL, read("/security/login_lock", smallAccount));
        reads.put(LOCK_CROWD, read("/security/login_lock", crowdAccount));
        reads.put(ATTEMPTS_SMALL, read("/security/attempts?page_size=50", smallAccount));
        reads.put(ATTEMPTS_CROWD, read("/security/attempts?page_size=50", crowdAccount));
        return reads;
    }

    /** The provider configs of {@code account} (its own and the system's), beside Keycloak's read of its group. */
    Map<String, IntFunction<Callable<Boolean>>> configReads(String account, Supplier<String> admin) {
        Map<String, IntFunction<Callable<Boolean>>> reads = new LinkedHashMap<>();
        reads.put(CONFIGS, read("/multi_factor", account));
        reads.put(ReadBench.KEYCLOAK_GROUP, i -> {
            String[] bearer = KazooHttp.bearer(admin.get());
            return () -> http.status("/admin/realms/demo/groups/" + account, bearer) == 200;
        });
        return reads;
    }

    private IntFunction<Callable<Boolean>> read(String below, String account) {
        return i -> {
            String[] bearer = KazooHttp.bearer(superadmin.get());
            return () -> http.status("/realms/demo/kazoo/v2/accounts/" + account + below, bearer) == 200;
        };
    }

    /**
     * Removes the configs and attempt rows made here (the accounts and users go with the bench's): the copies
     * straight from the database, before the API's deletes, whose component change then reloads the realm's
     * components from the database.
     */
    void remove(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement attempts = connection.prepareStatement(
                     "delete from KAZOO_LOGIN_ATTEMPT where ACCOUNT_ID in (?, ?)");
             PreparedStatement config = connection.prepareStatement(
                     "delete from COMPONENT_CONFIG where COMPONENT_ID = ?");
             PreparedStatement component = connection.prepareStatement("delete from COMPONENT where ID = ?")) {
            attempts.setString(1, smallAccount);
            attempts.setString(2, crowdAccount);
            attempts.executeUpdate();
            for (String id : copiedConfigs) {
                config.setString(1, id);
                config.executeUpdate();
                component.setString(1, id);
                component.executeUpdate();
            }
        }
        for (String config : apiConfigs) {
            http.request("DELETE", "/realms/demo/kazoo/v2/accounts/" + config.replace("/", "/multi_factor/"), null,
                    KazooHttp.bearer(superadmin.get()));
        }
    }

    /** Failed password attempts over the last 30 days (inside the default 90-day retention), in batches. */
    private static void insertAttempts(TestDatabase database, String realmId, String accountId, int rows)
            throws SQLException {
        long now = System.currentTimeMillis();
        long spread = 30L * 24 * 3600 * 1000;
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement("insert into KAZOO_LOGIN_ATTEMPT (ID, REALM_ID,"
                     + " ACCOUNT_ID, AUTH_TYPE, AUTH_MODULE, STATUS, MESSAGE, CREATED_AT, CLIENT_IP)"
                     + " values (?, ?, ?, 'jwt_auth_token', 'cb_user_auth', 'failed', 'invalid credentials', ?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < rows; i++) {
                insert.setString(1, "bench-" + UUID.randomUUID().toString().replace("-", ""));
                insert.setString(2, realmId);
                insert.setString(3, accountId);
                insert.setLong(4, now - (long) (Math.random() * spread));
                insert.setString(5, "192.0.2." + (i % 250));
                insert.addBatch();
                if ((i + 1) % 10_000 == 0 || i == rows - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
                if ((i + 1) % 100_000 == 0) {
                    System.out.println("[bench] " + (i + 1) + " attempt rows written");
                }
            }
        }
    }
}
