package org.kazooauth.bench;

import org.kazooauth.testing.KazooHttp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * P2: reading an account eight levels deep, the Kazoo way ({@code GET /v2/accounts/{A}/security}, its config merged
 * with every parent's and the system's) beside Keycloak's own {@code GET /admin/realms/{r}/groups/{id}}, in realms
 * of growing size: each must stay flat as the realm grows.
 */
final class ReadBench {

    static final String KAZOO_SECURITY = "Kazoo GET /v2/accounts/{A}/security";
    static final String KEYCLOAK_GROUP = "Keycloak GET /admin/realms/{r}/groups/{id}";

    private ReadBench() {
    }

    static Map<String, IntFunction<Callable<Boolean>>> reads(KazooHttp http, String accountId,
                                                             Supplier<String> superadmin, Supplier<String> admin) {
        Map<String, IntFunction<Callable<Boolean>>> reads = new LinkedHashMap<>();
        reads.put(KAZOO_SECURITY, i -> {
            String[] bearer = KazooHttp.bearer(superadmin.get());
            return () -> http.status("/realms/demo/kazoo/v2/accounts/" + accountId + "/security", bearer) == 200;
        });
        reads.put(KEYCLOAK_GROUP, i -> {
            String[] bearer = KazooHttp.bearer(admin.get());
            return () -> http.status("/admin/realms/demo/groups/" + accountId, bearer) == 200;
        });
        return reads;
    }
}
