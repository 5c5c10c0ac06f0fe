package org.kazooauth.authn;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import org.kazooauth.core.account.Account;
import org.kazooauth.core.keycloak.KazooRealm;
import org.kazooauth.core.lock.LockSettings;
import org.kazooauth.core.lock.LockSubject;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Time;
import org.keycloak.models.UserModel;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.services.Urls;

import java.util.Optional;
import java.util.UUID;

/**
 * The lock's known-device option (off unless {@link LockSettings#KNOWN_DEVICE_DAYS} is set): a browser that
 * completed a user's login keeps a cookie, signed with the realm's HMAC key, naming that user and a device id.
 * That user's attempts from that browser pay into the device's own bucket, so a flood of wrong passwords from
 * elsewhere locks everyone out but the user on the device they always use. A forged, expired or another user's
 * cookie is no cookie: its attempts pay into the usual buckets.
 */
final class KnownDevice {

    static final String COOKIE = "KAZOO_KNOWN_DEVICE";
    private static final String TYPE = "kazoo-known-device";
    /** Bucket keys are at most 64 characters: {@code device:} and 48 hex digits of a SHA-256. */
    private static final int KEY_LENGTH = "device:".length() + 48;

    private KnownDevice() {
    }

    /** The bucket of this browser when it is a known device of {@code user}. */
    static Optional<LockSubject> bucket(AuthenticationFlowContext context, KazooRealm kazoo, UserModel user) {
        if (!kazoo.loginLock().settings().knownDevicesOn()) {
            return Optional.empty();
        }
        return deviceId(context, user).map(device -> new LockSubject(
                StoreKeys.of("device:", context.getRealm().getId(), user.getId(), device).substring(0, KEY_LENGTH),
                kazoo.principals().accountOf(user).map(Account::id).orElse(null)));
    }

    /** Makes this browser a known device of the user who just logged in, for the realm's number of days. */
    static void remember(AuthenticationFlowContext context, KazooRealm kazoo, UserModel user) {
        LockSettings settings = kazoo.loginLock().settings();
        if (!settings.knownDevicesOn()) {
            return;
        }
        long now = Time.currentTime();
        JsonWebToken token = new JsonWebToken();
        token.id(deviceId(context, user).orElseGet(() -> UUID.randomUUID().toString()));
        token.type(TYPE);
        token.subject(user.getId());
        token.issuer(issuer(context));
        token.iat(now);
        token.exp(now + settings.knownDevices().toSeconds());
        String path = Urls.realmBase(context.getUriInfo().getBaseUri()).path(context.getRealm().getName()).build()
                .getRawPath();
        context.getSession().getContext().getHttpResponse().setCookieIfAbsent(new NewCookie.Builder(COOKIE)
                .value(context.getSession().tokens().encode(token))
                .path(path)
                .maxAge((int) Math.min(Integer.MAX_VALUE, settings.knownDevices().toSeconds()))
                .httpOnly(true)
                .secure("https".equals(context.getUriInfo().getBaseUri().getScheme()))
                .sameSite(NewCookie.SameSite.LAX)
                .build());
    }

    /** The device id of a valid cookie of this user's: signed by this realm, unexpired, theirs. */
    private static Optional<String> deviceId(AuthenticationFlowContext context, UserModel user) {
        Cookie cookie = context.getHttpRequest().getHttpHeaders().getCookies().get(COOKIE);
        if (cookie == null || cookie.getValue() == null || cookie.getValue().isBlank()) {
            return Optional.empty();
        }
        JsonWebToken token = context.getSession().tokens().decode(cookie.getValue(), JsonWebToken.class);
        boolean valid = token != null && token.isActive() && TYPE.equals(token.getType())
                && user.getId().equals(token.getSubject()) && issuer(context).equals(token.getIssuer())
                && token.getId() != null;
        return valid ? Optional.of(token.getId()) : Optional.empty();
    }

    private static String issuer(AuthenticationFlowContext context) {
        return Urls.realmIssuer(context.getUriInfo().getBaseUri(), context.getRealm().getName());
    }
}
