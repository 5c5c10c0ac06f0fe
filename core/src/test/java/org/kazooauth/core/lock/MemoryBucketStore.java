package org.kazooauth.core.lock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The store's contract in memory: one lock makes every update atomic. */
final class MemoryBucketStore implements LockBucketStore {

    private final Map<String, Bucket> buckets = new HashMap<>();
    int updates;

    @Override
    public synchronized <R> R update(LockSubject subject, Function<Optional<TokenBucket.State>, Change<R>> change) {
        updates++;
        Change<R> result = change.apply(Optional.ofNullable(buckets.get(subject.key())).map(Bucket::state));
        result.next().ifPresentOrElse(state -> buckets.put(subject.key(), new Bucket(subject, state)),
                () -> buckets.remove(subject.key()));
        return result.result();
    }

    @Override
    public synchronized List<Bucket> ofAccount(String accountId) {
        return new ArrayList<>(buckets.values().stream().filter(b -> accountId.equals(b.subject().accountId())).toList());
    }

    @Override
    public synchronized void removeAccount(String accountId) {
        buckets.values().removeIf(b -> accountId.equals(b.subject().accountId()));
    }

    synchronized Optional<Long> tokens(LockSubject subject) {
        return Optional.ofNullable(buckets.get(subject.key())).map(b -> b.state().tokens());
    }
}
