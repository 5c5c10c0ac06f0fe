package org.kazooauth.core.duo;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DuoStateTest {

    private static final DuoState STATE = new DuoState("0123456789abcdef0123456789abcdef0123", "user-1", "alice",
            "config-1", "https://kc.example/realms/demo/kazoo/duo/callback");

    @Test
    void survivesTheStoreAndRefusesAnIncompleteMap() {
        assertEquals(Optional.of(STATE), DuoState.fromMap(STATE.toMap()));
        Map<String, String> partial = new HashMap<>(STATE.toMap());
        partial.remove("redirect_uri");
        assertEquals(Optional.empty(), DuoState.fromMap(partial));
        assertEquals(Optional.empty(), DuoState.fromMap(null));
    }

    @Test
    void finishesOnlyItsOwnUsersLoginWithItsOwnConfigAndExactState() {
        assertEquals(Optional.empty(), STATE.refusalFor(STATE.state(), "user-1", "config-1"));
        assertEquals(Optional.of("the Duo state does not match"),
                STATE.refusalFor(STATE.state().toUpperCase(), "user-1", "config-1"), "exact, not case-insensitive");
        assertEquals(Optional.of("the Duo state does not match"),
                STATE.refusalFor(STATE.state() + "x", "user-1", "config-1"));
        assertEquals(Optional.of("the Duo state was issued to another user"),
                STATE.refusalFor(STATE.state(), "user-2", "config-1"));
        assertEquals(Optional.of("the Duo state was issued for another provider config"),
                STATE.refusalFor(STATE.state(), "user-1", "config-2"));
    }
}
