package org.kazooauth.authn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.hmac.HmacTokenSettings;
import org.kazooauth.core.hmac.HmacTokens;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.config.MultiFactorSettings;
import org.kazooauth.core.keycloak.KazooMetrics;
import org.kazooauth.core.keycloak.KazooRealm;
import org.kazooauth.core.keycloak.mfa.ProviderConfigs;
import org.kazooauth.core.mfa.ProviderConfig;
import org.kazooauth.core.mfa.ProviderKind;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Time;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.Optional;

/**
 * An HMAC-TOTP token, as the second factor or in place of the password. Each (jid, otp, nonce) is spent in
 * Keycloak's single-use store for the whole window the token could be accepted in, so a token works once across
 * the cluster (Prosody's per-process cache forgot tokens when a newer one arrived).
 */
final class HmacTokenFactor implements SecondFactor {

    static final HmacTokenFactor INSTANCE = new HmacTokenFactor();

    static final String PAGE = "kazoo-hmac-token.ftl";

    @Override
    public ObjectNode challengeSettings(AuthenticationFlowContext context, ProviderConfig config) {
        HmacTokenSettings settings = settings(config);
        ObjectNode challenge = Json.object();
        challenge.put("jid", jid(context, context.getUser(), settings));
        challenge.put("digits", settings.digits());
        challenge.put("interval", settings.interval());
        challenge.put("nonce_length", settings.nonceLength());
        return challenge;
    }

    @Override
    public Optional<String> verify(AuthenticationFlowContext context, ProviderConfig config, String response) {
        return check(context, context.getUser(), config, response);
    }

    private static Optional<String> check(AuthenticationFlowContext context, UserModel user, ProviderConfig config,
                                          String response) {
        HmacTokenSettings settings = settings(config);
        String jid = jid(context, user, settings);
        HmacTokens.Check check = new HmacTokens(settings).check(response, jid,
                Instant.ofEpochMilli(Time.currentTimeMillis()));
        if (!check.valid()) {
            HmacTokens.Refusal refusal = check.refusal().orElseThrow();
            KazooMetrics.hmacRefused(refusal.name());
            return Optional.of(refusal.message());
        }
        String spent = StoreKeys.of("kazoo-hmac-totp:", context.getRealm().getId(), jid, check.otp(), check.nonce());
        if (!context.getSession().singleUseObjects().putIfAbsent(spent, settings.validitySeconds())) {
            KazooMetrics.hmacRefused("reused");
            return Optional.of("the token was already used");
        }
        return Optional.empty();
    }

    /**
     * The user's {@code hmac_totp} config for tokens in place of the password: the one the account's merged
     * {@code multi_factor} names, else the system's (the first enabled {@code hmac_totp} config of the system);
     * either only when a super admin approved it for that ({@code first_factor}), and never for a realm
     * administrator, whose password no signed token may replace.
     */
    static Optional<ProviderConfig> configFor(AuthenticationFlowContext context, UserModel user, String module) {
        if (administers(context, user)) {
            return Optional.empty();
        }
        KazooRealm kazoo = KazooRealm.of(context.getSession(), context.getRealm());
        ProviderConfigs providers = kazoo.providerConfigs();
        MultiFactorSettings named = kazoo.settingsFor(user, module).multiFactor();
        Optional<ProviderConfig> accounts = named.accountId().isPresent() && named.configurationId().isPresent()
                ? providers.find(named.accountId(), named.configurationId().get()) : Optional.empty();
        return accounts.filter(HmacTokenFactor::usable).or(() -> providers.list(Optional.empty()).stream()
                .filter(HmacTokenFactor::usable).findFirst());
    }

    private static boolean usable(ProviderConfig config) {
        return config.enabled() && config.kind().equals(Optional.of(ProviderKind.HMAC_TOTP))
                && config.settings().path(ProviderKind.FIRST_FACTOR).asBoolean(false);
    }

    /** Whether the user holds any role of the realm's {@code realm-management} client. */
    private static boolean administers(AuthenticationFlowContext context, UserModel user) {
        ClientModel management = context.getRealm().getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        return management != null && management.getRolesStream().anyMatch(user::hasRole);
    }

    /**
     * Checks a token in place of the password of {@code user} (not yet the flow's user while the password step
     * runs); empty when it is good, else why not (for logs only).
     */
    static Optional<String> verifyInPlaceOfPassword(AuthenticationFlowContext context, UserModel user, String module,
                                                    String token) {
        try {
            return configFor(context, user, module).map(config -> check(context, user, config, token))
                    .orElse(Optional.of("no enabled hmac_totp provider config approved for use in place of "
                            + "passwords applies to this user"));
        } catch (SecondFactor.Unavailable unusable) {
            return Optional.of(unusable.getMessage());
        }
    }

    @Override
    public Response browserPage(AuthenticationFlowContext context, ProviderConfig config, Optional<String> errorKey) {
        LoginFormsProvider form = context.form()
                .setAttribute("kazooJid", jid(context, context.getUser(), settings(config)));
        errorKey.ifPresent(key -> form.addError(new FormMessage(MultiFactorStepAuthenticator.RESPONSE_PARAMETER, key)));
        return form.createForm(PAGE);
    }

    /**
     * The config's token settings; a config stored before its numbers were validated on write, and unusable, fails
     * closed with an event for the administrators rather than a server error.
     */
    private static HmacTokenSettings settings(ProviderConfig config) {
        try {
            return HmacTokenSettings.of(config.settings());
        } catch (IllegalArgumentException unusable) {
            throw SecondFactor.Unavailable.misconfigured("hmac_totp configuration " + config.id() + " cannot be used: "
                    + unusable.getMessage());
        }
    }

    private static String jid(AuthenticationFlowContext context, UserModel user, HmacTokenSettings settings) {
        return settings.jid(user.getUsername(), context.getRealm().getName());
    }
}
