package org.kazooauth.core.keycloak.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.kazooauth.core.attempt.AttemptQuery;
import org.kazooauth.core.attempt.LoginAttempt;
import org.kazooauth.core.attempt.LoginAttemptStore;
import org.kazooauth.core.json.Json;
import org.keycloak.models.KeycloakSession;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.RealmModel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One realm's attempts in Keycloak's database, shared by every node and kept across restarts. */
public final class JpaLoginAttemptStore implements LoginAttemptStore {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    /** Fits the CLIENT_HEADERS column; headers past it are dropped whole, never cut mid-JSON. */
    private static final int MAX_HEADERS_JSON = 4000;

    private final EntityManager em;
    private final String realmId;

    public JpaLoginAttemptStore(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    public static JpaLoginAttemptStore of(KeycloakSession session, RealmModel realm) {
        return new JpaLoginAttemptStore(session.getProvider(JpaConnectionProvider.class).getEntityManager(),
                realm.getId());
    }

    /** The columns of one attempt, as the multi-row insert names them. */
    private static final List<String> COLUMNS = List.of("id", "realmId", "accountId", "ownerId", "authType",
            "authModule", "status", "message", "createdAt", "clientIp", "clientHeaders", "requestId");

    /**
     * Stores attempts of any realms with as few statements as HQL's multi-row insert allows: chunks whose sizes are
     * powers of two, so a handful of query shapes serve every batch.
     */
    static void addAll(EntityManager em, List<AttemptWriter.Queued> attempts) {
        int from = 0;
        while (from < attempts.size()) {
            int size = Integer.highestOneBit(Math.min(attempts.size() - from, AttemptWriter.MAX_BATCH));
            List<AttemptWriter.Queued> chunk = attempts.subList(from, from + size);
            StringBuilder hql = new StringBuilder("insert into LoginAttemptEntity (")
                    .append(String.join(", ", COLUMNS)).append(") values ");
            for (int row = 0; row < size; row++) {
                hql.append(row == 0 ? "(" : ", (");
                for (int column = 0; column < COLUMNS.size(); column++) {
                    hql.append(column == 0 ? "" : ", ").append(':').append(COLUMNS.get(column)).append(row);
                }
                hql.append(')');
            }
            jakarta.persistence.Query insert = em.createQuery(hql.toString());
            for (int row = 0; row < size; row++) {
                LoginAttemptEntity entity = entity(chunk.get(row).realmId(), chunk.get(row).attempt());
                Object[] values = {entity.id, entity.realmId, entity.accountId, entity.ownerId, entity.authType,
                        entity.authModule, entity.status, entity.message, entity.createdAt, entity.clientIp,
                        entity.clientHeaders, entity.requestId};
                for (int column = 0; column < COLUMNS.size(); column++) {
                    insert.setParameter(COLUMNS.get(column) + row, values[column]);
                }
            }
            insert.executeUpdate();
            from += size;
        }
    }

    private static LoginAttemptEntity entity(String realmId, LoginAttempt attempt) {
        LoginAttemptEntity entity = new LoginAttemptEntity();
        entity.id = attempt.id();
        entity.realmId = realmId;
        entity.accountId = attempt.accountId();
        entity.ownerId = attempt.ownerId();
        entity.authType = attempt.authType();
        entity.authModule = attempt.authModule();
        entity.status = attempt.status().kazooName();
        entity.message = cut(attempt.message(), 1024);
        entity.createdAt = attempt.createdAt().toEpochMilli();
        entity.clientIp = cut(attempt.clientIp(), 64);
        entity.clientHeaders = headersJson(attempt.clientHeaders());
        entity.requestId = cut(attempt.requestId(), 64);
        return entity;
    }

    @Override
    public Optional<LoginAttempt> find(String accountId, String id) {
        return em.createNamedQuery(LoginAttemptEntity.FIND, LoginAttemptEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("accountId", accountId)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .map(JpaLoginAttemptStore::toAttempt);
    }

    @Override
    public List<LoginAttempt> list(String accountId, AttemptQuery query) {
        long startAt = query.createdTo().toEpochMilli();
        String startId = "~"; // sorts after every id: no start key means from the newest
        if (query.startKey().isPresent()) {
            Optional<LoginAttempt> start = find(accountId, query.startKey().get());
            if (start.isEmpty()) {
                return List.of();
            }
            startAt = start.get().createdAt().toEpochMilli();
            startId = start.get().id();
        }
        TypedQuery<LoginAttemptEntity> page = query.authType().isPresent()
                ? em.createNamedQuery(LoginAttemptEntity.PAGE_OF_TYPE, LoginAttemptEntity.class)
                        .setParameter("authType", query.authType().get())
                : em.createNamedQuery(LoginAttemptEntity.PAGE, LoginAttemptEntity.class);
        return page.setParameter("realmId", realmId)
                .setParameter("accountId", accountId)
                .setParameter("from", query.createdFrom().toEpochMilli())
                .setParameter("to", query.createdTo().toEpochMilli())
                .setParameter("startAt", startAt)
                .setParameter("startId", startId)
                .setMaxResults(query.pageSize() + 1)
                .getResultStream()
                .map(JpaLoginAttemptStore::toAttempt)
                .toList();
    }

    @Override
    public int purgeOlderThan(Instant cutoff) {
        return em.createNamedQuery(LoginAttemptEntity.PURGE)
                .setParameter("realmId", realmId)
                .setParameter("cutoff", cutoff.toEpochMilli())
                .executeUpdate();
    }

    private static LoginAttempt toAttempt(LoginAttemptEntity entity) {
        return new LoginAttempt(entity.id, entity.accountId, entity.ownerId, entity.authType, entity.authModule,
                LoginAttempt.Status.ofKazooName(entity.status), entity.message,
                Instant.ofEpochMilli(entity.createdAt), entity.clientIp, headers(entity.clientHeaders),
                entity.requestId);
    }

    private static String headersJson(Map<String, String> headers) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            kept.put(header.getKey(), header.getValue());
            if (write(kept).length() > MAX_HEADERS_JSON) {
                kept.remove(header.getKey());
            }
        }
        return write(kept);
    }

    private static String write(Map<String, String> headers) {
        try {
            return Json.MAPPER.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> headers(String json) {
        try {
            return json == null ? Map.of() : Json.MAPPER.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
