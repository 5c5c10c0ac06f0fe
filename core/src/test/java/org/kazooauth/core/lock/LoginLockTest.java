package org.kazooauth.core.lock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginLockTest {

    private static final String MODULE = "cb_user_auth";
    private static final LockSubject ACME = LockSubject.account("acme");
    private static final LockSubject ALICE = LockSubject.user("alice", Optional.of("acme"));

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T05:00:00Z"));
    private final MemoryBucketStore store = new MemoryBucketStore();

    private LoginLock lock(LockScope scope) {
        return new LoginLock(new LockSettings(true, BucketSettings.recommended(), scope, Map.of()), store, now::get);
    }

    private static void fail(LoginLock lock, List<LockSubject> subjects, int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(lock.admit(() -> subjects, MODULE).admitted(), "failure " + (i + 1) + " is judged");
        }
    }

    @Test
    void theFifthFailureLocksAndThenNothingIsJudged() {
        LoginLock lock = lock(LockScope.ACCOUNT);
        fail(lock, List.of(ACME), 4);
        LoginLock.Admission fifth = lock.admit(() -> List.of(ACME), MODULE);
        assertTrue(fifth.admitted());
        assertEquals(List.of(ACME), fifth.emptied(), "the fifth failure empties the bucket");
        assertTrue(lock.isLocked("acme"));

        LoginLock.Admission sixth = lock.admit(() -> List.of(ACME), MODULE);
        assertFalse(sixth.admitted(), "refused before its credentials are looked at");
        assertEquals(List.of(), sixth.emptied(), "it was already locked: no news");
    }

    @Test
    void goodAttemptsGetTheirCostBackAndLeaveNoBucket() {
        LoginLock lock = lock(LockScope.ACCOUNT);
        for (int i = 0; i < 20; i++) {
            lock.admit(() -> List.of(ACME), MODULE).succeeded();
        }
        assertEquals(Optional.empty(), store.tokens(ACME), "a full bucket is not kept");
        fail(lock, List.of(ACME), 4);
        lock.admit(() -> List.of(ACME), MODULE).succeeded();
        assertEquals(Optional.of(35L), store.tokens(ACME), "only the four failures stay paid");
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
                Map.of(MODULE, 100L)), store, now::get);
        assertTrue(lock.admit(() -> List.of(ACME), MODULE).admitted(), "175 pays 100");
        LoginLock.Admission second = lock.admit(() -> List.of(ACME), MODULE);
        assertFalse(second.admitted(), "75 does not");
        assertEquals(List.of(ACME), second.emptied());
        assertEquals(Optional.of(0L), store.tokens(ACME));
    }

    @Test
    void withBothALockedAccountRefusesWithoutDrainingTheUser() {
        LoginLock lock = lock(LockScope.BOTH);
        fail(lock, List.of(ACME), 5);
        assertFalse(lock.admit(() -> List.of(ACME, ALICE), MODULE).admitted());
        assertEquals(Optional.empty(), store.tokens(ALICE), "the user's payment was given back");
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
        LoginLock lock = new LoginLock(LockSettings.OFF, store, now::get);
        for (int i = 0; i < 10; i++) {
            assertTrue(lock.admit(() -> {
                throw new AssertionError("whose buckets is not even asked");
            }, MODULE).admitted());
        }
        assertFalse(lock.isLocked("acme"));
        assertEquals(0, store.updates);
    }

    @Test
    void parallelAttemptsAreJudgedNoMoreThanTheBucketPaysFor() throws Exception {
        LoginLock lock = lock(LockScope.ACCOUNT);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        Callable<Boolean> attempt = () -> {
            start.await();
            return lock.admit(() -> List.of(ACME), MODULE).admitted();
        };
        for (int i = 0; i < 64; i++) {
            attempts.add(pool.submit(attempt));
        }
        start.countDown();
        int judged = 0;
        for (Future<Boolean> future : attempts) {
            judged += future.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(175 / 35, judged);
    }
}
