package org.kazooauth.authn;

import com.duosecurity.Client;
import com.duosecurity.exception.DuoException;
import com.duosecurity.model.Token;
import org.kazooauth.core.duo.DuoOptions;

/**
 * One provider config's Duo for one redirect URI, through the official duo-universal-sdk: its client (built once,
 * by {@link DuoClients}), with the step's CA pins, every call on the node's bounded pool and within the step's
 * timeout, and health checks shared by the logins of the node.
 */
final class DuoConnection {

    private final DuoClients clients;
    private final Client client;
    private final String healthKey;
    private final DuoOptions options;

    DuoConnection(DuoClients clients, Client client, String healthKey, DuoOptions options) {
        this.clients = clients;
        this.client = client;
        this.healthKey = healthKey;
        this.options = options;
    }

    /** @throws SecondFactor.Unavailable (unreachable) when Duo's health check fails or times out */
    void requireHealthy() {
        clients.healthFailure(healthKey, client, options).ifPresent(failure -> {
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
        return clients.call(() -> client.exchangeAuthorizationCodeFor2FAResult(duoCode, duoUsername),
                options.timeout());
    }
}
