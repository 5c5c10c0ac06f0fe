package org.kazooauth.core.duo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a hand-off to Duo remembers until Duo's answer comes back: the random {@code state} sent to Duo, the user
 * it was issued to, the Duo username asked for, the provider config, and the redirect URI (the token exchange must
 * repeat it). Kept in Keycloak's single-use store, so an answer is taken once across the cluster.
 *
 * @param state       the SDK's random state (36 characters)
 * @param userId      the Keycloak user whose login it is
 * @param duoUsername the username Duo authenticates: the one Keycloak authenticated, or its mapped attribute
 * @param configId    the provider config's id
 * @param redirectUri where Duo sends the browser back to
 */
public record DuoState(String state, String userId, String duoUsername, String configId, String redirectUri) {

    private static final String STATE = "state";
    private static final String USER = "user";
    private static final String DUO_USERNAME = "duo_username";
    private static final String CONFIG = "config";
    private static final String REDIRECT_URI = "redirect_uri";

    public Map<String, String> toMap() {
        Map<String, String> map = new HashMap<>();
        map.put(STATE, state);
        map.put(USER, userId);
        map.put(DUO_USERNAME, duoUsername);
        map.put(CONFIG, configId);
        map.put(REDIRECT_URI, redirectUri);
        return map;
    }

    /** The state read back from the store; empty when the map is not a whole state. */
    public static Optional<DuoState> fromMap(Map<String, String> map) {
        if (map == null || !map.keySet().containsAll(java.util.List.of(STATE, USER, DUO_USERNAME, CONFIG, REDIRECT_URI))) {
            return Optional.empty();
        }
        return Optional.of(new DuoState(map.get(STATE), map.get(USER), map.get(DUO_USERNAME), map.get(CONFIG),
                map.get(REDIRECT_URI)));
    }

    /**
     * Why this stored state cannot finish the login of {@code userId} with {@code configId}; empty when it can.
     * The states are compared exactly and in constant time.
     */
    public Optional<String> refusalFor(String answeredState, String userId, String configId) {
        if (!MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                answeredState.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("the Duo state does not match");
        }
        if (!this.userId.equals(userId)) {
            return Optional.of("the Duo state was issued to another user");
        }
        if (!this.configId.equals(configId)) {
            return Optional.of("the Duo state was issued for another provider config");
        }
        return Optional.empty();
    }
}
