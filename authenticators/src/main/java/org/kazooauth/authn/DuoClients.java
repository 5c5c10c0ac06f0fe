package org.kazooauth.authn;

import com.duosecurity.Client;
import com.duosecurity.exception.DuoException;
import org.kazooauth.core.duo.DuoHosts;
import org.kazooauth.core.duo.DuoOptions;
import org.kazooauth.core.keycloak.KazooMetrics;
import org.kazooauth.core.mfa.DuoSettings;
import org.kazooauth.core.mfa.ProviderConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node's side of Duo, owned by the multi-factor step's factory and closed with it: one SDK client per provider
 * config and redirect URI (built again when the config changes), each Duo's health shared by every login (one check
 * in flight at a time, its result kept for the step's cache time), and a bounded pool every call runs on. A Duo that
 * hangs holds at most {@value #MAX_CALLS} threads of this node, and every login still answers within the step's
 * timeout: a call the pool has no room for counts as Duo not answering.
 */
final class DuoClients implements AutoCloseable {

    /** Calls to Duo in flight on this node at most; a hung call holds its thread until OkHttp's own timeout. */
    static final int MAX_CALLS = 8;
    /** Clients kept at most; beyond that (many redirect URIs) the cache starts again. */
    private static final int MAX_CLIENTS = 256;

    private final AtomicInteger threads = new AtomicInteger();
    private final ThreadPoolExecutor calls = new ThreadPoolExecutor(0, MAX_CALLS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> {
        Thread thread = new Thread(task, "kazoo-duo-call-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Built> clients = new ConcurrentHashMap<>();
    private final Map<String, Health> health = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Optional<String>>> checking = new ConcurrentHashMap<>();

    private record Built(String fingerprint, Client client) {
    }

    private record Health(Optional<String> failure, Instant checkedAt) {
    }

    /**
     * The config's client for {@code redirectUri}.
     *
     * @throws SecondFactor.Unavailable (misconfigured) when the SDK refuses the config's keys or host
     */
    DuoConnection open(ProviderConfig config, DuoOptions options, String redirectUri) {
        DuoSettings duo = DuoSettings.of(config.settings());
        String host = duo.apiHostname();
        if (!DuoHosts.isHostName(host)) {
            throw SecondFactor.Unavailable.misconfigured("duo configuration " + config.id() + ": api_hostname '"
                    + host + "' is not " + DuoHosts.RULE);
        }
        String fingerprint = sha256(host + "\n" + duo.integrationKey() + "\n" + duo.secretKey() + "\n"
                + options.caPins());
        String key = config.id() + "\n" + redirectUri;
        Built built = clients.get(key);
        if (built == null || !built.fingerprint().equals(fingerprint)) {
            built = new Built(fingerprint, build(config.id(), duo, redirectUri, options));
            if (clients.size() >= MAX_CLIENTS) {
                clients.clear();
            }
            clients.put(key, built);
        }
        return new DuoConnection(this, built.client(), host + "\n" + duo.integrationKey() + "\n" + options.caPins(),
                options);
    }

    private static Client build(String configId, DuoSettings duo, String redirectUri, DuoOptions options) {
        Client.Builder builder = new Client.Builder(duo.integrationKey(), duo.secretKey(), duo.apiHostname(),
                redirectUri);
        if (!options.caPins().isEmpty()) {
            builder.setCACerts(options.caPins().toArray(String[]::new));
        }
        try {
            return builder.build();
        } catch (DuoException | IllegalArgumentException refused) {
            throw SecondFactor.Unavailable.misconfigured("duo configuration " + configId + " is refused by the "
                    + "Duo SDK: " + refused.getMessage());
        }
    }

    /**
     * What Duo's last health check found, checking again when the result is older than the step allows. Logins
     * arriving while a check is in flight wait for that check (at most the timeout) rather than start their own.
     */
    Optional<String> healthFailure(String healthKey, Client client, DuoOptions options) {
        Health known = health.get(healthKey);
        if (known != null && Instant.now().isBefore(known.checkedAt().plus(options.healthCheckCache()))) {
            return known.failure();
        }
        CompletableFuture<Optional<String>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<String>> running = checking.putIfAbsent(healthKey, mine);
        if (running != null) {
            try {
                return running.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return Optional.of("Duo's health check failed: " + noAnswer(options.timeout()));
            } catch (ExecutionException e) {
                return Optional.of("Duo's health check failed: " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted while waiting for Duo's health check");
            }
        }
        Optional<String> failure = Optional.of("Duo's health check did not finish");
        try {
            call(client::healthCheck, options.timeout());
            failure = Optional.empty();
        } catch (DuoException e) {
            failure = Optional.of("Duo's health check failed: " + e.getMessage());
        } finally {
            failure.ifPresent(failed -> KazooMetrics.duoHealthCheckFailed());
            health.put(healthKey, new Health(failure, Instant.now()));
            checking.remove(healthKey, mine);
            mine.complete(failure);
        }
        return failure;
    }

    /** Runs one call to Duo on the pool, bounded by {@code timeout}. */
    <T> T call(Callable<T> call, Duration timeout) throws DuoException {
        Future<T> future;
        try {
            future = calls.submit(call);
        } catch (RejectedExecutionException busy) {
            throw new DuoException("Duo is not answering: all " + MAX_CALLS + " calls of this node to it are "
                    + "still waiting");
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new DuoException(noAnswer(timeout));
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

    private static String noAnswer(Duration timeout) {
        return "no answer within " + timeout.toMillis() + " ms";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
        clients.clear();
    }
}
