package org.kazooauth.core.lock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestAdmissionsTest {

    private static final String MODULE = "cb_user_auth";
    private static final LockSubject ACME = LockSubject.account("acme");

    private final MemoryBucketStore store = new MemoryBucketStore();
    private final LoginLock lock = new LoginLock(new LockSettings(true, BucketSettings.recommended(), LockScope.ACCOUNT,
            Map.of(), Duration.ZERO, Duration.ZERO), store, () -> Instant.parse("2026-12-03T08:00:00Z"),
            new LockWaits(Duration.ofMillis(100)));

    private LoginLock.Admission admit(RequestAdmissions request, String login, String module) {
        return request.admit(lock, login, module, () -> List.of(ACME));
    }

    /** The request's transaction commits, as Keycloak runs it: prepare, the database's commit, after completion. */
    private void commit(RequestAdmissions request) {
        request.beforeCommit();
        store.callerCommitted();
        request.committed();
    }

    @Test
    void twoGoodChecksOfOneLoginReserveOnceAndGiveBackOnceWhenTheRequestEnds() {
        lock.admit(() -> List.of(ACME), MODULE).passed();
        int before = store.statements;
        RequestAdmissions request = new RequestAdmissions();
        LoginLock.Admission password = admit(request, "alice", MODULE);
        LoginLock.Admission token = admit(request, "alice", MODULE);
        assertSame(password, token, "the second check rides on the first one's reservation");
        assertEquals(Optional.of(35L), store.inFlight(ACME), "one cost in flight, not two");
        commit(request);
        assertEquals(Optional.of(0L), store.inFlight(ACME));
        assertEquals(2, store.statements - before, "one reservation and its return for the whole request");
    }

    @Test
    void theGiveBackIsWrittenIntoTheRequestsTransactionAndCountsOnlyOnceItCommits() {
        RequestAdmissions request = new RequestAdmissions();
        admit(request, "alice", MODULE);
        request.beforeCommit();
        assertEquals(Optional.of(35L), store.inFlight(ACME), "until the request commits, the login is in flight");
        store.callerCommitted();
        request.committed();
        assertEquals(Optional.of(0L), store.inFlight(ACME));
        request.rolledBack();
        assertEquals(Optional.of(0L), store.inFlight(ACME), "settled once: nothing more goes back");
    }

    @Test
    void aRolledBackRequestGivesBackOnItsOwnWhatItsTransactionUndid() {
        lock.admit(() -> List.of(ACME), MODULE).passed();
        long full = store.tokens(ACME).orElseThrow();
        RequestAdmissions request = new RequestAdmissions();
        admit(request, "alice", MODULE);
        request.beforeCommit();
        store.callerRolledBack();
        request.rolledBack();
        assertEquals(Optional.of(0L), store.inFlight(ACME), "given back although the request's write was undone");
        assertEquals(Optional.of(full), store.tokens(ACME), "a good check pays nothing");
    }

    @Test
    void aRequestRolledBackBeforeItsCommitWasPreparedGivesBackToo() {
        RequestAdmissions request = new RequestAdmissions();
        admit(request, "alice", MODULE);
        request.rolledBack();
        assertEquals(Optional.of(0L), store.inFlight(ACME));
    }

    @Test
    void aFailedSecondCheckPaysOnceAndTheNextCheckReservesAgain() {
        RequestAdmissions request = new RequestAdmissions();
        admit(request, "alice", MODULE);
        admit(request, "alice", MODULE).failed();
        assertEquals(Optional.of(0L), store.inFlight(ACME));
        long paid = store.tokens(ACME).orElseThrow();
        LoginLock.Admission after = admit(request, "alice", MODULE);
        assertTrue(after.admitted() && after.open(), "a settled admission is never reused");
        commit(request);
        assertEquals(Optional.of(0L), store.inFlight(ACME));
        assertEquals(Optional.of(paid), store.tokens(ACME), "the failure stays paid, the good check does not pay");
    }

    @Test
    void otherLoginsAndModulesHaveReservationsOfTheirOwn() {
        RequestAdmissions request = new RequestAdmissions();
        LoginLock.Admission alice = admit(request, "alice", MODULE);
        assertNotSame(alice, admit(request, "bob", MODULE));
        assertNotSame(alice, admit(request, "alice", "multi_factor"));
        commit(request);
        assertEquals(Optional.of(0L), store.inFlight(ACME), "all given back");
    }
}
