package org.kazooauth.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.api.KazooPage;
import org.kazooauth.core.attempt.AttemptQuery;
import org.kazooauth.core.attempt.LoginAttempt;
import org.kazooauth.core.attempt.LoginAttemptIds;
import org.kazooauth.core.attempt.LoginAttemptStore;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.keycloak.jpa.AttemptWriter;
import org.kazooauth.core.keycloak.jpa.JpaLoginAttemptStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reading an account's login attempts, for {@code /security/attempts} (all of them) and
 * {@code /multi_factor/attempts} (those whose {@code auth_type} is {@code multi_factor}).
 */
final class AttemptsEndpoint {

    private AttemptsEndpoint() {
    }

    /** A page, newest first; the query parameters as Kazoo's listings take them. */
    static KazooPage page(Call call, Optional<String> authType) {
        AttemptQuery parsed = AttemptQuery.parse(call.query(), Instant.now());
        AttemptQuery query = authType.map(parsed::ofAuthType).orElse(parsed);
        List<LoginAttempt> found = store(call).list(call.account().id(), query);
        ArrayNode rows = Json.MAPPER.createArrayNode();
        found.stream().limit(query.pageSize()).map(LoginAttempt::summary).forEach(rows::add);
        Optional<String> next = found.size() > query.pageSize()
                ? Optional.of(found.get(query.pageSize()).id()) : Optional.empty();
        return new KazooPage(rows, query.startKey(), next);
    }

    /** One attempt in full; a 404 for an id that is malformed, of another account or of another auth type. */
    static JsonNode one(Call call, String attemptId, Optional<String> authType) {
        return (LoginAttemptIds.isValid(attemptId)
                ? store(call).find(call.account().id(), attemptId) : Optional.<LoginAttempt>empty())
                .filter(attempt -> authType.map(attempt.authType()::equals).orElse(true))
                .map(LoginAttempt::detail)
                .orElseThrow(() -> KazooException.badIdentifier(attemptId, "login attempt not found"));
    }

    /** The realm's stored attempts, with this node's queued ones stored first, so a login just made is listed. */
    private static LoginAttemptStore store(Call call) {
        AttemptWriter.NODE.flush();
        return JpaLoginAttemptStore.of(call.kazoo().session(), call.kazoo().realm());
    }
}
