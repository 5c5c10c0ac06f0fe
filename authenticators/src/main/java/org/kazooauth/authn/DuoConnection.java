package org.kazooauth.authn;

import com.duosecurity.Client;
import com.duosecurity.exception.DuoException;
import com.duosecurity.model.Token;
import org.kazooauth.core.duo.DuoHosts;
import org.kazooauth.core.duo.DuoOptions;
import org.kazooauth.core.mfa.ProviderConfig;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/**
 * One provider config's Duo, through the official duo-universal-sdk: its client for one redirect URI, with the
 * step's CA pins, every call bounded by the step's timeout, and health checks remembered briefly per node (a
 * login should not wait on Duo twice a second).
 */
final class DuoConnection {

    private static final ExecutorService CALLS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "kazoo-duo-call");
        thread.setDaemon(true);
        return thread;
    });
    /** Health by host, client id and pins: what the last check found, and when. */
    private static final Map<String, Health> HEALTH = new ConcurrentHashMap<>();

    private record Health(Optional<String> failure, Instant checkedAt) {
    }

    private final Client client;
    private final String healthKey;
    private final DuoOptions options;

    private DuoConnection(Client client, String healthKey, DuoOptions options) {
        this.client = client;
        this.healthKey = healthKey;
        this.options = options;
    }

    /**
     * @throws SecondFactor.Unavailable (misconfigured) when the SDK refuses the config's keys or host
     */
    static DuoConnection open(ProviderConfig config, DuoOptions options, String redirectUri) {
        String host = config.settings().path("api_hostname").asText();
        if (!DuoHosts.isHostName(host)) {
            throw SecondFactor.Unavailable.misconfigured("duo configuration " + config.id() + ": api_hostname '"
                    + host + "' is not " + DuoHosts.RULE);
        }
        String clientId = config.settings().path("integration_key").asText();
        Client.Builder builder = new Client.Builder(clientId, config.settings().path("secret_key").asText(), host,
                redirectUri);
        if (!options.caPins().isEmpty()) {
            builder.setCACerts(options.caPins().toArray(String[]::new));
        }
        try {
            return new DuoConnection(builder.build(), host + "\n" + clientId + "\n" + options.caPins(), options);
        } catch (DuoException | IllegalArgumentException refused) {
            throw SecondFactor.Unavailable.misconfigured("duo configuration " + config.id() + " is refused by the "
                    + "Duo SDK: " + refused.getMessage());
        }
    }

    /** @throws SecondFactor.Unavailable (unreachable) when Duo's health check fails or times out */
    void requireHealthy() {
        Instant now = Instant.now();
        Health health = HEALTH.get(healthKey);
        if (health == null || !now.isBefore(health.checkedAt().plus(options.healthCheckCache()))) {
            Optional<String> failure;
            try {
                call(client::healthCheck);
                failure = Optional.empty();
            } catch (DuoException e) {
                failure = Optional.of("Duo's health check failed: " + e.getMessage());
            }
            health = new Health(failure, now);
            HEALTH.put(healthKey, health);
        }
        health.failure().ifPresent(failure -> {
            throw SecondFactor.Unavailable.unreachable(failure, options.failOpen());
        });
    }

    String newState() {
        return client.generateState();
    }

    String authUrl(String duoUsername, String state) {
        try {
            return client.createAuthUrl(duoUsername, state);
        } catch (DuoException e) {
            throw SecondFactor.Unavailable.misconfigured("Duo's authorization URL could not be made: " + e.getMessage());
        }
    }

    /**
     * Exchanges Duo's code for the 2FA result; the SDK checks the id_token's HS512 signature, issuer, audience,
     * times and that it is for exactly {@code duoUsername}.
     */
    Token exchange(String duoCode, String duoUsername) throws DuoException {
        return call(() -> client.exchangeAuthorizationCodeFor2FAResult(duoCode, duoUsername));
    }

    private <T> T call(Callable<T> call) throws DuoException {
        Future<T> future = CALLS.submit(call);
        try {
            return future.get(options.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new DuoException("no answer within " + options.timeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DuoException duo) {
                throw duo;
            }
            throw new DuoException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DuoException("interrupted");
        }
    }
}
