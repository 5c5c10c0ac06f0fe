package org.kazooauth.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.KazooHttp.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.kazooauth.testing.KazooHttp.JSON;

/**
 * What the benchmark logs in with, made through Keycloak's admin API and the Kazoo API: a stock realm ({@code stock},
 * client {@code bench}, Keycloak's own direct grant with its conditional OTP) and, in the demo realm, a reseller
 * whose {@code hmac_totp} config a child account switches on for its sub-account (three levels), beside a plain
 * account tree without a second factor. Both realms store their events.
 */
final class BenchSetup {

    static final String PASSWORD = "Bench-password-1";
    static final String OTP_SECRET_PREFIX = "bench-otp-secret-";
    static final String TOKEN_SECRET = "bench-token-secret";
    static final String OTP_SEED = "XVGR73KMZH2M4XMY";

    private final KazooHttp http;
    private final Supplier<String> adminToken;

    /** Kazoo ids, filled by {@link #kazooAccounts}. */
    private String resellerId;
    private String configId;
    private String superadminToken;

    /** @param adminToken fresh tokens of the master realm's admin (they live a minute) */
    BenchSetup(KazooHttp http, Supplier<String> adminToken) {
        this.http = http;
        this.adminToken = adminToken;
    }

    /** Realm {@code stock}: {@code plain} users with a password, {@code otp} users with a password and an OTP. */
    void stockRealm(int plain, int otp) {
        ObjectNode realm = JSON.createObjectNode().put("realm", "stock").put("enabled", true)
                .put("eventsEnabled", true).put("eventsExpiration", 86400);
        realm.putArray("clients").addObject().put("clientId", "bench").put("publicClient", true)
                .put("directAccessGrantsEnabled", true).put("standardFlowEnabled", false);
        ok(http.request("POST", "/admin/realms", realm.toString(), KazooHttp.bearer(adminToken.get())), "the stock realm");
        List<ObjectNode> users = new ArrayList<>();
        for (int i = 0; i < plain; i++) {
            users.add(user("stock-" + i, null));
        }
        for (int i = 0; i < otp; i++) {
            users.add(user("stock-otp-" + i, OTP_SECRET_PREFIX + i));
        }
        importUsers("stock", users);
    }

    /** Users in batches small enough that hashing their passwords ends well within a request's timeout. */
    private void importUsers(String realm, List<ObjectNode> users) {
        partialImport(realm, "users", users, 40, "users of realm " + realm);
    }

    /**
     * In the demo realm: {@code Bench Reseller / Bench MFA / Bench MFA East} with users {@code bench-mfa-N}, and
     * {@code Bench Reseller / Bench Plain / Bench Plain East} with users {@code bench-plain-N}.
     */
    void kazooAccounts(int usersEach, String superadminToken) {
        this.superadminToken = superadminToken;
        resellerId = group(null, "Bench Reseller", true);
        String mfaAccount = group(resellerId, "Bench MFA", false);
        group(mfaAccount, "Bench MFA East", false);
        group(group(resellerId, "Bench Plain", false), "Bench Plain East", false);
        List<ObjectNode> users = new ArrayList<>();
        for (int i = 0; i < usersEach; i++) {
            ObjectNode mfa = user("bench-mfa-" + i, null);
            mfa.putArray("groups").add("/Bench Reseller/Bench MFA/Bench MFA East");
            ObjectNode plain = user("bench-plain-" + i, null);
            plain.putArray("groups").add("/Bench Reseller/Bench Plain/Bench Plain East");
            users.addAll(List.of(mfa, plain));
        }
        importUsers("demo", users);

        String[] superadmin = KazooHttp.bearer(superadminToken);
        Reply config = http.request("PUT", "/realms/demo/kazoo/v2/accounts/" + resellerId + "/multi_factor",
                "{\"data\":{\"name\":\"Bench tokens\",\"provider_name\":\"hmac_totp\",\"settings\":{\"token_secret\":\""
                        + TOKEN_SECRET + "\",\"otp_seed\":\"" + OTP_SEED + "\"}}}", superadmin);
        ok(config, "the reseller's hmac_totp config");
        configId = config.at("/data/id").asText();
        ok(http.request("POST", "/realms/demo/kazoo/v2/accounts/" + mfaAccount + "/security", "{\"data\":{"
                + "\"auth_modules\":{\"cb_user_auth\":{\"multi_factor\":{\"enabled\":true,\"include_subaccounts\":true,"
                + "\"account_id\":\"" + resellerId + "\",\"configuration_id\":\"" + configId
                + "\"}}}}}", superadmin), "multi_factor on Bench MFA");
    }

    /** A chain of {@code depth} nested accounts under a root with {@code siblings} more accounts; the deepest's id. */
    String deepChain(String root, int depth, int siblings) {
        String id = group(null, root, false);
        for (int d = 2; d <= depth; d++) {
            id = group(id, root + " depth " + d, false);
        }
        List<ObjectNode> groups = new ArrayList<>();
        for (int i = 0; i < siblings; i++) {
            String name = root + " sibling " + i;
            groups.add(JSON.createObjectNode().put("name", name).put("path", "/" + name));
        }
        partialImport("demo", "groups", groups, 2_000, "accounts beside '" + root + "'");
        System.out.println("[bench] made " + (depth + siblings) + " accounts under '" + root + "'");
        return id;
    }

    /** A new account at the top; its id. */
    String account(String name) {
        return group(null, name, false);
    }

    /** {@code count} users without a credential (nothing to hash), members of the group at {@code groupPath}. */
    void usersWithoutPassword(String prefix, int count, String groupPath) {
        List<ObjectNode> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode user = JSON.createObjectNode().put("username", prefix + i).put("enabled", true);
            user.putArray("groups").add(groupPath);
            users.add(user);
        }
        partialImport("demo", "users", users, 1_000, "users of " + groupPath);
    }

    /** Keycloak's partial import of {@code items} ({@code users}, {@code groups}) in batches, with progress. */
    private void partialImport(String realm, String kind, List<ObjectNode> items, int batch, String what) {
        for (int from = 0; from < items.size(); from += batch) {
            ObjectNode body = JSON.createObjectNode().put("ifResourceExists", "SKIP");
            items.subList(from, Math.min(items.size(), from + batch)).forEach(body.putArray(kind)::add);
            ok(http.request("POST", "/admin/realms/" + realm + "/partialImport", body.toString(),
                    KazooHttp.bearer(adminToken.get())), what);
            if (items.size() > batch) {
                System.out.println("[bench] " + Math.min(items.size(), from + batch) + " of " + items.size() + " "
                        + what);
            }
        }
    }

    /** A new group (account) at the top or under {@code parentId}; its id. */
    private String group(String parentId, String name, boolean reseller) {
        ObjectNode group = JSON.createObjectNode().put("name", name);
        if (reseller) {
            group.putObject("attributes").putArray("kazoo.reseller").add("true");
        }
        Reply made = ok(http.request("POST", "/admin/realms/demo/groups" + (parentId == null ? ""
                : "/" + parentId + "/children"), group.toString(), KazooHttp.bearer(adminToken.get())), "group " + name);
        String location = made.headers().firstValue("Location").orElse(null);
        return location != null ? location.substring(location.lastIndexOf('/') + 1) : made.at("/id").asText();
    }

    /** Removes what the benchmark made: the stock realm, and the bench accounts, users and config of the demo realm. */
    void remove() {
        String[] admin = KazooHttp.bearer(adminToken.get());
        http.request("DELETE", "/admin/realms/stock", null, admin);
        if (configId != null) {
            http.request("DELETE", "/realms/demo/kazoo/v2/accounts/" + resellerId + "/multi_factor/" + configId, null,
                    KazooHttp.bearer(superadminToken));
        }
        for (String search : new String[]{"Bench", "Depth"}) {
            http.get("/admin/realms/demo/groups?max=100000&search=" + search, admin).json().forEach(group -> http.request(
                    "DELETE", "/admin/realms/demo/groups/" + group.path("id").asText(), null, admin));
        }
        http.get("/admin/realms/demo/users?max=100000&search=bench-", admin).json().forEach(user -> http.request(
                "DELETE", "/admin/realms/demo/users/" + user.path("id").asText(), null, admin));
    }

    private static ObjectNode user(String username, String otpSecret) {
        ObjectNode user = JSON.createObjectNode().put("username", username).put("enabled", true)
                .put("email", username + "@bench.invalid").put("emailVerified", true)
                .put("firstName", "Bench").put("lastName", username);
        ArrayNode credentials = user.putArray("credentials");
        credentials.addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
        if (otpSecret != null) {
            credentials.addObject().put("type", "otp").put("userLabel", "bench")
                    .put("secretData", "{\"value\":\"" + otpSecret + "\"}")
                    .put("credentialData", "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,"
                            + "\"algorithm\":\"HmacSHA1\"}");
        }
        return user;
    }

    static Reply ok(Reply reply, String what) {
        if (reply.status() >= 300) {
            throw new IllegalStateException("could not make " + what + ": " + reply);
        }
        return reply;
    }
}
