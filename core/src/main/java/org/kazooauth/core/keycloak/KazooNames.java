package org.kazooauth.core.keycloak;

/** The Keycloak names of the Kazoo mapping (DESIGN §2). A contract: tests and external checks rely on them. */
public final class KazooNames {

    /** Group attribute that makes an account a reseller when it is {@code true}. */
    public static final String RESELLER_ATTRIBUTE = "kazoo.reseller";

    /** Realm role of Kazoo's account admins ({@code priv_level: admin}), held directly or through a group. */
    public static final String ACCOUNT_ADMIN_ROLE = "kazoo-account-admin";

    /** Realm attribute naming the system default multi-factor provider. */
    public static final String DEFAULT_MFA_PROVIDER_ATTRIBUTE = "kazoo.auth.default_multi_factor_provider";
    public static final String DEFAULT_MFA_PROVIDER = "duo";

    /** Realm attribute: how many days login attempts are kept (Kazoo kept them in monthly databases). */
    public static final String ATTEMPT_RETENTION_DAYS_ATTRIBUTE = "kazoo.crossbar.auth.login_attempts_retention_days";
    public static final int DEFAULT_ATTEMPT_RETENTION_DAYS = 90;

    /** Realm attribute naming the client {@code PUT /v2/user_auth} issues tokens for. */
    public static final String CROSSBAR_CLIENT_ATTRIBUTE = "kazoo.crossbar.client_id";
    public static final String DEFAULT_CROSSBAR_CLIENT = "crossbar";

    /**
     * The audience that admits a token to the Kazoo API besides the crossbar client's own tokens: give a client an
     * audience mapper with this custom audience to let its tokens call {@code /realms/{realm}/kazoo}.
     */
    public static final String API_AUDIENCE = "kazoo";

    /** Below {@code /realms/{realm}/}: the page Duo sends REST clients' users back to, showing Duo's answer. */
    public static final String DUO_CALLBACK_PATH = "kazoo/" + KazooNames.DUO_CALLBACK;
    /** The same below the Kazoo API's root. */
    public static final String DUO_CALLBACK = "duo/callback";

    private KazooNames() {
    }
}
