package org.kazooauth.authn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.hmac.HmacTokenSettings;
import org.kazooauth.core.hmac.HmacTokens;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.mfa.ProviderConfig;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Time;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An HMAC-TOTP token as the second factor. Each (jid, otp, nonce) is spent in Keycloak's single-use store for the
 * whole window the token could be accepted in, so a token works once across the cluster (Prosody's per-process
 * cache forgot tokens when a newer one arrived).
 */
final class HmacSecondFactor implements SecondFactor {

    static final String PAGE = "kazoo-hmac-token.ftl";

    @Override
    public ObjectNode challengeSettings(AuthenticationFlowContext context, ProviderConfig config) {
        HmacTokenSettings settings = HmacTokenSettings.of(config.settings());
        ObjectNode challenge = Json.object();
        challenge.put("jid", jid(context, settings));
        challenge.put("digits", settings.digits());
        challenge.put("interval", settings.interval());
        challenge.put("nonce_length", settings.nonceLength());
        return challenge;
    }

    @Override
    public Optional<String> verify(AuthenticationFlowContext context, ProviderConfig config, String response) {
        HmacTokenSettings settings = HmacTokenSettings.of(config.settings());
        String jid = jid(context, settings);
        HmacTokens.Check check = new HmacTokens(settings).check(response, jid,
                Instant.ofEpochMilli(Time.currentTimeMillis()));
        if (!check.valid()) {
            return Optional.of(check.refusal().orElseThrow().message());
        }
        String spent = "kazoo-hmac-totp:" + sha256(context.getRealm().getId() + "\n" + jid + "\n" + check.otp()
                + "\n" + check.nonce());
        if (!context.getSession().singleUseObjects().putIfAbsent(spent, settings.validitySeconds())) {
            return Optional.of("the token was already used");
        }
        return Optional.empty();
    }

    @Override
    public Response browserPage(AuthenticationFlowContext context, ProviderConfig config, Optional<String> errorKey) {
        LoginFormsProvider form = context.form()
                .setAttribute("kazooJid", jid(context, HmacTokenSettings.of(config.settings())));
        errorKey.ifPresent(key -> form.addError(new FormMessage(MultiFactorStepAuthenticator.RESPONSE_PARAMETER, key)));
        return form.createForm(PAGE);
    }

    private static String jid(AuthenticationFlowContext context, HmacTokenSettings settings) {
        return settings.jid(context.getUser().getUsername(), context.getRealm().getName());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
