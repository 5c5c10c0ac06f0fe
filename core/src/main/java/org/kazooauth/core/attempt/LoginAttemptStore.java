package org.kazooauth.core.attempt;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where one realm's login attempts are read and purged; they are written in batches (the JPA store's writer). */
public interface LoginAttemptStore {

    Optional<LoginAttempt> find(String accountId, String id);

    /**
     * The account's attempts of the query's range, newest first, from its start key on: up to
     * {@code pageSize + 1}, so that the caller learns whether there is a next page.
     */
    List<LoginAttempt> list(String accountId, AttemptQuery query);

    /** Removes the attempts older than {@code cutoff}; how many. */
    int purgeOlderThan(Instant cutoff);
}
