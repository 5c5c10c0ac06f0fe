package org.kazooauth.testing;

import org.kazooauth.core.hmac.HmacTokenSettings;
import org.kazooauth.core.hmac.HmacTokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's walkthrough as a fixture: Acme's admin stores an {@code hmac_totp} config in Acme and switches the
 * second factor on for Acme East with it ({@code cb_user_auth}); closing takes both away again.
 */
public final class HmacForAcmeEast implements AutoCloseable {

    /** The config's secret and seed, the ones the README's generator example signs with. */
    public static final String SECRET = "JYXEX4IQOEYFYQ2S3MC5P4ZT4SDHYEA7";
    public static final String SEED = "XVGR73KMZH2M4XMY";
    public static final HmacTokens TOKENS = new HmacTokens(HmacTokenSettings.of(SECRET, SEED));

    private final DemoUsers users;
    private final String acme;
    private final String east;
    private final String configId;

    private HmacForAcmeEast(DemoUsers users, DemoRealm demo) {
        this.users = users;
        this.acme = demo.accountId("Acme");
        this.east = demo.accountId("Acme East");
        KazooHttp.Reply config = users.send("acme-admin", "PUT", "/realms/demo/kazoo/v2/accounts/" + acme
                + "/multi_factor", "{\"data\":{\"name\":\"Acme tokens\",\"provider_name\":\"hmac_totp\",\"settings\":"
                + "{\"token_secret\":\"" + SECRET + "\",\"otp_seed\":\"" + SEED + "\"}}}");
        assertEquals(200, config.status(), config.toString());
        this.configId = config.at("/data/id").asText();
        KazooHttp.Reply security = users.send("acme-admin", "POST", "/realms/demo/kazoo/v2/accounts/" + east
                + "/security", "{\"data\":{\"auth_modules\":{\"cb_user_auth\":{\"multi_factor\":{\"enabled\":true,"
                + "\"include_subaccounts\":true,\"account_id\":\"" + acme + "\",\"configuration_id\":\"" + configId
                + "\"}}}}}");
        assertEquals(200, security.status(), security.toString());
    }

    public static HmacForAcmeEast switchOn(DemoUsers users, DemoRealm demo) {
        return new HmacForAcmeEast(users, demo);
    }

    public String configId() {
        return configId;
    }

    @Override
    public void close() {
        users.send("superadmin", "DELETE", "/realms/demo/kazoo/v2/accounts/" + east + "/security", null);
        users.send("superadmin", "DELETE", "/realms/demo/kazoo/v2/accounts/" + acme + "/multi_factor/" + configId, null);
    }
}
