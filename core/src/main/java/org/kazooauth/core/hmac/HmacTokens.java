package org.kazooauth.core.hmac;

import org.keycloak.models.utils.Base32;
import org.keycloak.models.utils.HmacOTP;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Makes and checks HMAC-TOTP tokens. The TOTP is Keycloak's own RFC 4226/6238 code ({@link HmacOTP}) fed with the
 * time step, so tests can set the clock; every comparison is constant-time. Checking a token's single use is the
 * caller's part: it holds the cluster's single-use store.
 */
public final class HmacTokens {

    /** Why a token was refused; the messages are for logs and attempt records, never for the client. */
    public enum Refusal {
        MALFORMED("the token is not '<digits> <base64 signature>'"),
        NONCE_TOO_SHORT("the token's nonce is too short"),
        WRONG_OTP("the token's one-time code is wrong or expired"),
        BAD_SIGNATURE("the token's signature does not match");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** A checked token: the refusal, or the (otp, nonce) pair to spend in the single-use store. */
    public record Check(Optional<Refusal> refusal, String otp, String nonce) {
        public boolean valid() {
            return refusal.isEmpty();
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HmacTokenSettings settings;

    /** Decoded and keyed once per config: a check then only computes. */
    private final byte[] seed;
    private final HmacOTP hotp;
    private final Mac signer;

    public HmacTokens(HmacTokenSettings settings) {
        this.settings = settings;
        this.seed = Base32.decode(settings.otpSeed());
        this.hotp = new HmacOTP(settings.digits(), HmacOTP.HMAC_SHA1, 0);
        this.signer = keyedSigner(settings.tokenSecret());
    }

    /** The token of {@code jid} at {@code now} with this nonce. */
    public String generate(String jid, Instant now, String nonce) {
        String otp = totp(step(now));
        return otp + nonce + " " + Base64.getEncoder().encodeToString(sign(otp + nonce + jid));
    }

    /** A token with a fresh random nonce of 32 digits, as Prosody's generator makes. */
    public String generate(String jid, Instant now) {
        StringBuilder nonce = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            nonce.append(RANDOM.nextInt(10));
        }
        return generate(jid, now, nonce.toString());
    }

    public Check check(String token, String jid, Instant now) {
        Optional<HmacToken> parsed = HmacToken.parse(token, settings.digits());
        if (parsed.isEmpty()) {
            return refused(Refusal.MALFORMED);
        }
        HmacToken candidate = parsed.get();
        if (candidate.nonce().length() < settings.nonceLength()) {
            return refused(Refusal.NONCE_TOO_SHORT);
        }
        // now first, then ever further either side: a fresh token matches at the first step computed
        boolean otpMatches = false;
        long current = step(now);
        byte[] presented = candidate.otp().getBytes(StandardCharsets.US_ASCII);
        for (int distance = 0; distance <= settings.deviation() && !otpMatches; distance++) {
            otpMatches = MessageDigest.isEqual(totp(current - distance).getBytes(StandardCharsets.US_ASCII), presented)
                    || distance > 0 && MessageDigest.isEqual(totp(current + distance)
                    .getBytes(StandardCharsets.US_ASCII), presented);
        }
        if (!otpMatches) {
            return refused(Refusal.WRONG_OTP);
        }
        if (!MessageDigest.isEqual(sign(candidate.otp() + candidate.nonce() + jid), candidate.signature())) {
            return refused(Refusal.BAD_SIGNATURE);
        }
        return new Check(Optional.empty(), candidate.otp(), candidate.nonce());
    }

    private static Check refused(Refusal refusal) {
        return new Check(Optional.of(refusal), "", "");
    }

    private long step(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), settings.interval());
    }

    private String totp(long step) {
        return hotp.generateHOTP(seed, Math.toIntExact(step));
    }

    /** A copy of the keyed prototype signs: cloning is far cheaper than looking the algorithm up and keying it. */
    private byte[] sign(String text) {
        try {
            return ((Mac) signer.clone()).doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the runtime's HmacSHA256 cannot be copied", e);
        }
    }

    private static Mac keyedSigner(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
