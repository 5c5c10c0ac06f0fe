package org.kazooauth.core.hmac;

import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes HMAC-TOTP tokens from the command line, exactly as Prosody's Python snippet does:
 * <pre>
 * KAZOO_TOKEN_SECRET=... KAZOO_OTP_SEED=... java -cp "kazoo-auth-keycloak.jar:/opt/keycloak/lib/lib/main/*" \
 *     org.kazooauth.core.hmac.HmacTokenCli generate --user alice --realm example.com
 * </pre>
 * Secrets come from the environment ({@code --token-secret} / {@code --otp-seed} work too, but show in process
 * lists). Keycloak's own TOTP code does the work, hence Keycloak's libraries on the class path.
 */
public final class HmacTokenCli {

    static final String USAGE = """
            usage: HmacTokenCli generate --user USER --realm REALM [--jid-pattern '{username}@{realm}']
                                         [--digits 8] [--interval 30] [--nonce DIGITS] [--time EPOCH_SECONDS]
                   secrets: KAZOO_TOKEN_SECRET and KAZOO_OTP_SEED (or --token-secret, --otp-seed)""";

    private HmacTokenCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Prints the token and answers 0, or explains what is wrong on {@code err} and answers 2. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("generate") || args.length % 2 == 0) {
            err.println(USAGE);
            return 2;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String secret = options.getOrDefault("--token-secret", env.get("KAZOO_TOKEN_SECRET"));
        String seed = options.getOrDefault("--otp-seed", env.get("KAZOO_OTP_SEED"));
        String user = options.get("--user");
        String realm = options.get("--realm");
        if (secret == null || seed == null || user == null || realm == null) {
            err.println("need --user, --realm, and the token secret and OTP seed\n" + USAGE);
            return 2;
        }
        try {
            HmacTokenSettings settings = new HmacTokenSettings(secret, seed,
                    Integer.parseInt(options.getOrDefault("--digits", String.valueOf(HmacTokenSettings.DIGITS))),
                    Integer.parseInt(options.getOrDefault("--interval", String.valueOf(HmacTokenSettings.INTERVAL))),
                    HmacTokenSettings.DEVIATION, HmacTokenSettings.NONCE_LENGTH,
                    options.getOrDefault("--jid-pattern", HmacTokenSettings.JID_PATTERN));
            Instant at = options.containsKey("--time")
                    ? Instant.ofEpochSecond(Long.parseLong(options.get("--time"))) : Instant.now();
            String nonce = options.get("--nonce");
            if (nonce != null && !nonce.matches("\\d*")) {
                err.println("--nonce must be digits");
                return 2;
            }
            HmacTokens tokens = new HmacTokens(settings);
            String jid = settings.jid(user, realm);
            out.println(nonce == null ? tokens.generate(jid, at) : tokens.generate(jid, at, nonce));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
    }
}
