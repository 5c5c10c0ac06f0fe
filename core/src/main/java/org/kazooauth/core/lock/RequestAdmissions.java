package org.kazooauth.core.lock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The lock's admissions of one request. A request may judge several credentials of one login in turn (a direct
 * grant's password, then its HMAC token): the first check's reservation covers the next ones, so the request
 * reserves once and gives back once, when it is over, instead of once per check. A failure still pays at once and
 * ends the reservation, and a check that judged nothing gives it back at once: only good checks are held.
 * <p>
 * One request runs on one thread: not thread-safe.
 */
public final class RequestAdmissions {

    private final Map<String, LoginLock.Admission> held = new HashMap<>();

    /**
     * The admission for {@code login}'s next check through {@code module}: the one this request already holds for
     * them, or a new one from {@code lock}.
     */
    public LoginLock.Admission admit(LoginLock lock, String login, String module,
                                     Supplier<List<LockSubject>> subjects) {
        String key = login + '\n' + module;
        LoginLock.Admission kept = held.get(key);
        if (kept != null && kept.open()) {
            return kept;
        }
        LoginLock.Admission admission = lock.admit(subjects, module);
        if (admission.open()) {
            held.put(key, admission);
        }
        return admission;
    }

    /** The request is over: what its good checks held goes back. */
    public void close() {
        List<LoginLock.Admission> open = new ArrayList<>(held.values());
        held.clear();
        open.forEach(LoginLock.Admission::cancelled);
    }
}
