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
 * What good checks held goes back with the request's own commit rather than in a transaction of its own: a good
 * login costs the lock one commit (its reservation), not two. Should the request roll back, so does that
 * give-back, and it is made again on its own.
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

    /** The request's transaction is about to commit: what its good checks held goes back with it. */
    public void beforeCommit() {
        held.values().forEach(LoginLock.Admission::passedWithCaller);
    }

    /** The request's transaction committed, with the give-backs written before. */
    public void committed() {
        end().forEach(LoginLock.Admission::committed);
    }

    /** The request's transaction rolled back, and any give-back with it: what good checks held goes back now. */
    public void rolledBack() {
        end().forEach(LoginLock.Admission::cancelled);
    }

    private List<LoginLock.Admission> end() {
        List<LoginLock.Admission> admissions = new ArrayList<>(held.values());
        held.clear();
        return admissions;
    }
}
