package org.kazooauth.core.keycloak;

import org.kazooauth.core.access.AccessRules;
import org.kazooauth.core.account.Account;
import org.kazooauth.core.account.AccountTree;
import org.kazooauth.core.config.AuthModuleSettings;
import org.kazooauth.core.config.AuthConfigHierarchy;
import org.kazooauth.core.config.AuthConfigSchema;
import org.kazooauth.core.keycloak.jpa.JpaLockBucketStore;
import org.kazooauth.core.keycloak.mfa.ProviderConfigs;
import org.kazooauth.core.lock.LockSettings;
import org.kazooauth.core.lock.LockSubject;
import org.kazooauth.core.lock.LockWaits;
import org.kazooauth.core.lock.LoginLock;
import org.kazooauth.core.lock.RateLimitSettings;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One realm as Kazoo sees it, for the length of one request: its accounts, config hierarchy and rules. */
public final class KazooRealm {

    private static final Logger LOG = Logger.getLogger(KazooRealm.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final RealmAccounts accounts;
    private final AccountTree tree;
    private final AuthConfigHierarchy config;
    private final AccessRules rules;
    private final Principals principals;
    private LoginLock loginLock;
    private RateLimitSettings rateLimit;

    /**
     * The realm as Kazoo sees it for this request: made once per session and realm, so the steps of one login
     * share their group lookups. Only group models are kept, never a computed merge, so a write made during the
     * request is seen by what follows it.
     */
    public static KazooRealm of(KeycloakSession session, RealmModel realm) {
        String key = KazooRealm.class.getName() + ":" + realm.getId();
        KazooRealm kazoo = session.getAttribute(key, KazooRealm.class);
        if (kazoo == null) {
            kazoo = new KazooRealm(session, realm);
            session.setAttribute(key, kazoo);
        }
        return kazoo;
    }

    private KazooRealm(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.accounts = new RealmAccounts(realm);
        this.tree = new AccountTree(accounts);
        this.config = new AuthConfigHierarchy(tree, accounts);
        this.rules = new AccessRules(tree);
        this.principals = new Principals(realm, tree);
    }

    public KeycloakSession session() {
        return session;
    }

    public RealmModel realm() {
        return realm;
    }

    public RealmAccounts accounts() {
        return accounts;
    }

    public AccountTree tree() {
        return tree;
    }

    public AuthConfigHierarchy config() {
        return config;
    }

    public AccessRules rules() {
        return rules;
    }

    public Principals principals() {
        return principals;
    }

    /** The realm's multi-factor provider configs (components), the system's and every account's. */
    public ProviderConfigs providerConfigs() {
        return new ProviderConfigs(session, realm);
    }

    /** The merged settings of {@code module} for the user's account (the system's for a user with no account). */
    public AuthModuleSettings settingsFor(UserModel user, String module) {
        Optional<Account> account = principals.accountOf(user);
        return AuthModuleSettings.of(account.map(config::effective).orElseGet(config::system), module);
    }

    /** The system default multi-factor provider's name (realm attribute, default {@code duo}). */
    public String defaultMultiFactorProvider() {
        String configured = realm.getAttribute(KazooNames.DEFAULT_MFA_PROVIDER_ATTRIBUTE);
        return configured == null || configured.isBlank() ? KazooNames.DEFAULT_MFA_PROVIDER : configured.trim();
    }

    /** The account lock with the realm's settings; switched off, it never touches the database. */
    public LoginLock loginLock() {
        if (loginLock == null) {
            LockSettings settings = LockSettings.of(realm::getAttribute, AuthConfigSchema.MODULES,
                    problem -> LOG.warnf("realm %s: %s", realm.getName(), problem));
            loginLock = new LoginLock(settings, new JpaLockBucketStore(session, realm.getId()),
                    () -> Instant.ofEpochMilli(Time.currentTimeMillis()), LockWaits.NODE);
        }
        return loginLock;
    }

    /** The gate every way of getting a token asks. */
    public KazooGate gate() {
        return new KazooGate(this);
    }

    /** Kazoo's rate limit on login requests, with the realm's settings (off unless switched on). */
    public RateLimitSettings rateLimit() {
        if (rateLimit == null) {
            rateLimit = RateLimitSettings.of(realm::getAttribute, AuthConfigSchema.MODULES,
                    problem -> LOG.warnf("realm %s: %s", realm.getName(), problem));
        }
        return rateLimit;
    }

    /** Whose buckets a login of {@code user} pays into, as the lock's scope says. */
    public List<LockSubject> lockSubjects(UserModel user) {
        Optional<String> accountId = principals.accountOf(user).map(Account::id);
        LockSubject own = LockSubject.user(user.getId(), accountId);
        if (accountId.isEmpty()) {
            return List.of(own);
        }
        LockSubject account = LockSubject.account(accountId.get());
        return switch (loginLock().settings().scope()) {
            case ACCOUNT -> List.of(account);
            case USER -> List.of(own);
            case BOTH -> List.of(account, own);
        };
    }
}
