package org.kazooauth.core.hmac;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HmacTokensTest {

    /** Reference §8: computed independently with the Python standard library. */
    private static final HmacTokens PROSODY = new HmacTokens(HmacTokenSettings.of("JYXEX4IQOEYFYQ2S3MC5P4ZT4SDHYEA7",
            "XVGR73KMZH2M4XMY"));
    private static final Instant T = Instant.ofEpochSecond(1_700_000_000L);
    private static final String JID = "alice@example.com";
    private static final String NONCE = "12345678901234567890123456789012";
    private static final String VECTOR = "8095230912345678901234567890123456789012 SgVXyiioJnpYP0nrmp9dVoCAT3T+3AXnrRpzbTvxI7w=";

    @Test
    void theProsodyVectorIsGeneratedAndAccepted() {
        assertEquals(VECTOR, PROSODY.generate(JID, T, NONCE));
        HmacTokens.Check check = PROSODY.check(VECTOR, JID, T);
        assertTrue(check.valid(), check.toString());
        assertEquals("80952309", check.otp());
        assertEquals(NONCE, check.nonce());
    }

    @Test
    void rfc6238Sha1EightDigitVectors() {
        // RFC 6238 appendix B: seed "12345678901234567890" (ASCII), here in base32 as otp_seed is
        HmacTokens rfc = new HmacTokens(new HmacTokenSettings("k", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 8, 30, 0, 0,
                HmacTokenSettings.JID_PATTERN));
        long[][] vectors = {{59L, 94287082L}, {1111111109L, 7081804L}, {1111111111L, 14050471L},
                {1234567890L, 89005924L}, {2000000000L, 69279037L}, {20000000000L, 65353130L}};
        for (long[] vector : vectors) {
            String token = rfc.generate("j", Instant.ofEpochSecond(vector[0]), "");
            assertEquals(String.format("%08d", vector[1]), token.substring(0, 8), "T=" + vector[0]);
        }
    }

    @Test
    void oneStepEitherSideIsAcceptedTwoAreNot() {
        assertTrue(PROSODY.check(VECTOR, JID, T.plusSeconds(30)).valid());
        assertTrue(PROSODY.check(VECTOR, JID, T.minusSeconds(30)).valid());
        assertEquals(Optional.of(HmacTokens.Refusal.WRONG_OTP), PROSODY.check(VECTOR, JID, T.plusSeconds(90)).refusal());
        assertEquals(Optional.of(HmacTokens.Refusal.WRONG_OTP), PROSODY.check(VECTOR, JID, T.minusSeconds(90)).refusal());
        assertEquals(90, HmacTokenSettings.of("s", "XVGR73KMZH2M4XMY").validitySeconds());
    }

    @Test
    void anotherUsersOrATamperedTokenIsRefused() {
        assertEquals(Optional.of(HmacTokens.Refusal.BAD_SIGNATURE), PROSODY.check(VECTOR, "bob@example.com", T).refusal());
        String otherNonce = VECTOR.replace("9012 Sg", "9013 Sg");
        assertTrue(!otherNonce.equals(VECTOR));
        assertEquals(Optional.of(HmacTokens.Refusal.BAD_SIGNATURE), PROSODY.check(otherNonce, JID, T).refusal());
        String wrongSecret = new HmacTokens(HmacTokenSettings.of("another-secret", "XVGR73KMZH2M4XMY"))
                .generate(JID, T, NONCE);
        assertEquals(Optional.of(HmacTokens.Refusal.BAD_SIGNATURE), PROSODY.check(wrongSecret, JID, T).refusal());
    }

    @Test
    void aShortOrMissingNonceIsRefusedUnlikeProsody() {
        String noNonce = PROSODY.generate(JID, T, "");
        assertEquals(Optional.of(HmacTokens.Refusal.NONCE_TOO_SHORT), PROSODY.check(noNonce, JID, T).refusal());
        String short15 = PROSODY.generate(JID, T, "123456789012345");
        assertEquals(Optional.of(HmacTokens.Refusal.NONCE_TOO_SHORT), PROSODY.check(short15, JID, T).refusal());
        assertTrue(PROSODY.check(PROSODY.generate(JID, T, "1234567890123456"), JID, T).valid());
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        for (String garbage : new String[]{null, "", " ", "abc", "80952309", "80952309 ", " c2ln",
                "8095 not-base64!", "8095230912345678901234567890123456789012 ===", "x".repeat(100_000),
                "80952309123456789012345678901234567890１２ SgVX"}) {
            assertEquals(Optional.of(HmacTokens.Refusal.MALFORMED), PROSODY.check(garbage, JID, T).refusal(),
                    String.valueOf(garbage).substring(0, Math.min(20, String.valueOf(garbage).length())));
        }
    }

    @Test
    void generatedTokensWithRandomNoncesAreAcceptedAndDiffer() {
        String first = PROSODY.generate(JID, T);
        String second = PROSODY.generate(JID, T);
        assertTrue(PROSODY.check(first, JID, T).valid());
        assertTrue(!first.equals(second), "a fresh nonce each time");
        assertEquals(40, first.indexOf(' '), "8 digits of TOTP and 32 of nonce");
    }

    @Test
    void theJidPatternNamesTheUserAndRealm() {
        assertEquals("alice@demo", HmacTokenSettings.of("s", "XVGR73KMZH2M4XMY").jid("alice", "demo"));
        assertEquals("alice@xmpp.example.com", new HmacTokenSettings("s", "XVGR73KMZH2M4XMY", 8, 30, 1, 16,
                "{username}@xmpp.example.com").jid("alice", "demo"));
    }
}
