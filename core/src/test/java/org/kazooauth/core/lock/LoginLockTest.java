package org.kazooauth.core.lock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginLockTest {

    private static final String MODULE = "cb_user_auth";
    private static final LockSubject ACME = LockSubject.account("acme");
    private static final LockSubject ALICE = LockSubject.user("alice", Optional.of("acme"));

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T05:00:00Z"));
    private final MemoryBucketStore store = new MemoryBucketStore();

    private LoginLock lock(LockScope scope, Duration wait) {
        return new LoginLock(new LockSettings(true, BucketSettings.recommended(), scope, Map.of(), wait, Duration.ZERO),
                store, now::get, new LockWaits(Duration.ofMillis(100)));
    }

    private LoginLock lock(LockScope scope) {
        return lock(scope, Duration.ZERO);
    }

    private static void fail(LoginLock lock, List<LockSubject> subjects, int times) {
        for (int i = 0; i < times; i++) {
            LoginLock.Admission admission = lock.admit(() -> subjects, MODULE);
            assertTrue(admission.admitted(), "failure " + (i + 1) + " is judged");
            admission.failed();
        }
    }

    @Test
    void theFifthFailureLocksAndThenNothingIsJudged() {
        LoginLock lock = lock(LockScope.ACCOUNT);
        fail(lock, List.of(ACME), 4);
        LoginLock.Admission fifth = lock.admit(() -> List.of(ACME), MODULE);
        assertTrue(fifth.admitted());
        assertEquals(List.of(ACME), fifth.failed(), "the fifth failure empties the bucket");
        assertTrue(lock.isLocked("acme"));
        assertTrue(lock.isLocked(List.of(ACME)));

        LoginLock.Admission sixth = lock.admit(() -> List.of(ACME), MODULE);
        assertEquals(LoginLock.Verdict.LOCKED, sixth.verdict(), "refused before its credentials are looked at");
        assertEquals(List.of(), sixth.emptied(), "it was already locked: no news");
    }

    @Test
    void goodAttemptsLeaveTheBucketFullAndCostTwoStatementsEach() {
        LoginLock lock = lock(LockScope.ACCOUNT);
        lock.admit(() -> List.of(ACME), MODULE).passed();
        int before = store.statements;
        for (int i = 0; i < 20; i++) {
            lock.admit(() -> List.of(ACME), MODULE).passed();
        }
        assertEquals(40, store.statements - before, "a reservation and its return, one statement each");
        assertEquals(Optional.of(175L), store.tokens(ACME));
        assertEquals(Optional.of(0L), store.inFlight(ACME));
        int beforeFailures = store.statements;
        fail(lock, List.of(ACME), 4);
        assertEquals(8, store.statements - beforeFailures, "a failure that does not empty the bucket: two as well");
        lock.admit(() -> List.of(ACME), MODULE).passed();
        assertEquals(Optional.of(35L), store.tokens(ACME), "only the four failures stay paid");
    }

    @Test
    void inFlightAttemptsMakeANewcomerBusyNeverLocked() {
        LoginLock lock = lock(LockScope.ACCOUNT);
        List<LoginLock.Admission> inFlight = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inFlight.add(lock.admit(() -> List.of(ACME), MODULE));
        }
        assertTrue(inFlight.stream().allMatch(LoginLock.Admission::admitted));
        int rowLocks = store.rowLocks;
        LoginLock.Admission sixth = lock.admit(() -> List.of(ACME), MODULE);
        assertEquals(LoginLock.Verdict.BUSY, sixth.verdict(), "five in flight hold the room, nothing failed yet");
        assertEquals(rowLocks, store.rowLocks, "told by a plain read, without locking the row the five settle");
        assertFalse(lock.isLocked("acme"));

        inFlight.get(0).passed();
        assertTrue(lock.admit(() -> List.of(ACME), MODULE).admitted(), "a settled good login frees its room");
    }

    /** Five attempts in flight fill the room; a sixth waits on another thread while {@code settle} runs. */
    private LoginLock.Verdict sixthWhile(java.util.function.Consumer<List<LoginLock.Admission>> settle)
            throws Exception {
        LoginLock lock = lock(LockScope.ACCOUNT, Duration.ofSeconds(30));
        List<LoginLock.Admission> inFlight = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inFlight.add(lock.admit(() -> List.of(ACME), MODULE));
        }
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<LoginLock.Verdict> waiter = pool.submit(() -> lock.admit(() -> List.of(ACME), MODULE).verdict());
            Thread.sleep(200);
            assertFalse(waiter.isDone(), "it waits rather than being refused");
            settle.accept(inFlight);
            return waiter.get();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWaiterIsLetInWhenAnAttemptInFlightSettles() throws Exception {
        assertEquals(LoginLock.Verdict.ADMITTED, sixthWhile(inFlight -> inFlight.get(3).passed()));
    }

    @Test
    void aWaiterIsLetInOnceAGiveBackWrittenIntoTheCallersTransactionCommits() throws Exception {
        assertEquals(LoginLock.Verdict.ADMITTED, sixthWhile(inFlight -> {
            inFlight.get(3).passedWithCaller();
            assertEquals(Optional.of(5 * 35L), store.inFlight(ACME), "not given back before the caller commits");
            store.callerCommitted();
            inFlight.get(3).committed();
        }));
    }

    @Test
    void waitersAreRefusedAsLockedOnceTheFailuresInFlightEmptyTheBucket() throws Exception {
        assertEquals(LoginLock.Verdict.LOCKED, sixthWhile(inFlight -> inFlight.forEach(LoginLock.Admission::failed)));
    }

    @Test
    void aReservationWhoseNodeDiedCountsAsAFailureWhenItsLeaseRunsOut() {
        LoginLock lock = lock(LockScope.ACCOUNT);
        for (int i = 0; i < 5; i++) {
            assertTrue(lock.admit(() -> List.of(ACME), MODULE).admitted(), "never settled: its node dies");
        }
        assertEquals(LoginLock.Verdict.BUSY, lock.admit(() -> List.of(ACME), MODULE).verdict());
        now.set(now.get().plus(LoginLock.LEASE).plusSeconds(1));
        LoginLock.Admission after = lock.admit(() -> List.of(ACME), MODULE);
        assertEquals(LoginLock.Verdict.LOCKED, after.verdict(), "five judged, none settled: all five count");
        assertEquals(List.of(ACME), after.emptied());
    }

    @Test
    void anAttemptThatBrokeBeforeItWasJudgedCostsNothing() {
        LoginLock lock = lock(LockScope.ACCOUNT);
        for (int i = 0; i < 20; i++) {
            LoginLock.Admission admission = lock.admit(() -> List.of(ACME), MODULE);
            assertTrue(admission.admitted());
            admission.cancelled();
            admission.failed();
        }
        assertEquals(Optional.of(175L), store.tokens(ACME), "a settled admission ignores later calls");
    }

    @Test
    void theBlockRefillsAfterTheFillTime() {
        LoginLock lock = lock(LockScope.ACCOUNT);
        fail(lock, List.of(ACME), 5);
        now.set(now.get().plus(Duration.ofMinutes(59)));
        assertTrue(lock.isLocked("acme"));
        now.set(now.get().plus(Duration.ofMinutes(1)));
        assertFalse(lock.isLocked("acme"));
        assertTrue(lock.admit(() -> List.of(ACME), MODULE).admitted());
    }

    @Test
    void anUnpayableCostEmptiesTheBucketAndIsNews() {
        LoginLock lock = new LoginLock(new LockSettings(true, BucketSettings.recommended(), LockScope.ACCOUNT,
                Map.of(MODULE, 100L), Duration.ZERO, Duration.ZERO), store, now::get, new LockWaits(Duration.ofMillis(100)));
        fail(lock, List.of(ACME), 1);
        LoginLock.Admission second = lock.admit(() -> List.of(ACME), MODULE);
        assertEquals(LoginLock.Verdict.LOCKED, second.verdict(), "75 does not pay 100");
        assertEquals(List.of(ACME), second.emptied());
        assertEquals(Optional.of(0L), store.tokens(ACME));
    }

    @Test
    void withBothALockedAccountRefusesWithoutHoldingTheUsersRoom() {
        LoginLock lock = lock(LockScope.BOTH);
        fail(lock, List.of(ACME), 5);
        assertEquals(LoginLock.Verdict.LOCKED, lock.admit(() -> List.of(ACME, ALICE), MODULE).verdict());
        assertEquals(LoginLock.Verdict.LOCKED, lock.admit(() -> List.of(ALICE, ACME), MODULE).verdict());
        assertEquals(Optional.of(0L), store.inFlight(ALICE), "the user's reservation was given back");
        assertEquals(Optional.of(175L), store.tokens(ALICE));
    }

    @Test
    void usersLocksShowOnTheirAccountAndUnlockWithIt() {
        LoginLock lock = lock(LockScope.USER);
        fail(lock, List.of(ALICE), 5);
        assertTrue(lock.isLocked("acme"));
        assertFalse(lock.isLocked("globex"));
        assertTrue(lock.unlock("acme"), "it was locked");
        assertFalse(lock.unlock("acme"), "and now it is not");
        assertTrue(lock.admit(() -> List.of(ALICE), MODULE).admitted());
    }

    @Test
    void switchedOffItNeverTouchesTheStore() {
        LoginLock lock = new LoginLock(LockSettings.OFF, store, now::get, new LockWaits(Duration.ofMillis(100)));
        for (int i = 0; i < 10; i++) {
            LoginLock.Admission admission = lock.admit(() -> {
                throw new AssertionError("whose buckets is not even asked");
            }, MODULE);
            assertTrue(admission.admitted());
            admission.failed();
        }
        assertFalse(lock.isLocked("acme"));
        assertFalse(lock.isLocked(List.of(ACME)));
        assertEquals(0, store.statements);
    }

    /** What a storm judged. */
    private static final class Judged {
        final AtomicInteger good = new AtomicInteger();
        final AtomicInteger wrong = new AtomicInteger();
    }

    /** Releases 64 threads together; attempt {@code n} has good credentials when {@code good} says so. */
    private List<LoginLock.Verdict> storm(LoginLock lock, IntPredicate good, Judged judged) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CyclicBarrier start = new CyclicBarrier(64);
        List<Future<LoginLock.Verdict>> attempts = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            boolean right = good.test(i);
            Callable<LoginLock.Verdict> attempt = () -> {
                start.await();
                LoginLock.Admission admission = lock.admit(() -> List.of(ACME), MODULE);
                if (admission.admitted()) {
                    Thread.sleep(2);
                    if (right) {
                        judged.good.incrementAndGet();
                        admission.passed();
                    } else {
                        judged.wrong.incrementAndGet();
                        admission.failed();
                    }
                }
                return admission.verdict();
            };
            attempts.add(pool.submit(attempt));
        }
        List<LoginLock.Verdict> verdicts = new ArrayList<>();
        for (Future<LoginLock.Verdict> future : attempts) {
            verdicts.add(future.get());
        }
        pool.shutdown();
        return verdicts;
    }

    @Test
    void sixtyFourParallelGoodAttemptsAreAllJudged() throws Exception {
        Judged judged = new Judged();
        List<LoginLock.Verdict> verdicts = storm(lock(LockScope.ACCOUNT, Duration.ofSeconds(30)), n -> true, judged);
        assertEquals(64, judged.good.get(), verdicts.toString());
        assertEquals(Optional.of(0L), store.inFlight(ACME));
        assertEquals(Optional.of(175L), store.tokens(ACME));
    }

    @Test
    void sixtyFourParallelWrongAttemptsAreJudgedNoMoreThanTheBucketPaysFor() throws Exception {
        Judged judged = new Judged();
        List<LoginLock.Verdict> verdicts = storm(lock(LockScope.ACCOUNT, Duration.ofSeconds(30)), n -> false, judged);
        assertEquals(175 / 35, judged.wrong.get());
        assertEquals(64 - 175 / 35, verdicts.stream().filter(v -> v == LoginLock.Verdict.LOCKED).count());
    }

    @Test
    void aMixJudgesNothingBeyondTheBucketAndLocksNobodyBeforeItIsEmpty() throws Exception {
        Judged judged = new Judged();
        List<LoginLock.Verdict> verdicts = storm(lock(LockScope.ACCOUNT, Duration.ofSeconds(30)), n -> n % 2 == 0,
                judged);
        assertEquals(0, verdicts.stream().filter(v -> v == LoginLock.Verdict.BUSY).count(), "nobody waited too long");
        assertTrue(judged.wrong.get() <= 175 / 35, "wrong ones judged: " + judged.wrong.get());
        long locked = verdicts.stream().filter(v -> v == LoginLock.Verdict.LOCKED).count();
        assertEquals(64, judged.good.get() + judged.wrong.get() + locked);
        assertEquals(judged.wrong.get() == 175 / 35, locked > 0, "refused as locked only once failures emptied it");
        assertEquals(Optional.of(175L - 35L * judged.wrong.get()), store.tokens(ACME));
    }
}
