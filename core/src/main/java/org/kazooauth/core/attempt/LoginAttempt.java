package org.kazooauth.core.attempt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.json.Json;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A login attempt as Kazoo logs it ({@code crossbar_auth:log_attempts}), minus what Kazoo leaked: no credentials,
 * no tokens, no cookies. Belongs to the account of the user who tried.
 *
 * @param id            Kazoo's id, {@code YYYYMM-<32 hex>}
 * @param accountId     the user's account
 * @param ownerId       the user's id
 * @param authType      {@code credentials}, {@code jwt_auth_token}, {@code multi_factor}, ...
 * @param authModule    {@code cb_user_auth}, ...
 * @param status        success or failed
 * @param message       what happened, in Kazoo's words
 * @param createdAt     when
 * @param clientIp      the client's address
 * @param clientHeaders the request headers, scrubbed by {@link ClientHeaders}
 * @param requestId     the request's id ({@code crossbar_request_id})
 */
public record LoginAttempt(String id, String accountId, String ownerId, String authType, String authModule,
                           Status status, String message, Instant createdAt, String clientIp,
                           Map<String, String> clientHeaders, String requestId) {

    /** Seconds from year 0 to 1970, for Kazoo's Gregorian timestamps. */
    public static final long GREGORIAN_OFFSET_SECONDS = 62_167_219_200L;

    public enum Status {
        SUCCESS("success"),
        FAILED("failed");

        private final String kazooName;

        Status(String kazooName) {
            this.kazooName = kazooName;
        }

        public String kazooName() {
            return kazooName;
        }

        public static Status ofKazooName(String name) {
            return name.equals(SUCCESS.kazooName) ? SUCCESS : FAILED;
        }
    }

    public LoginAttempt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        clientHeaders = Map.copyOf(clientHeaders);
    }

    public static long gregorianSeconds(Instant instant) {
        return instant.getEpochSecond() + GREGORIAN_OFFSET_SECONDS;
    }

    public static Instant fromGregorianSeconds(long seconds) {
        return Instant.ofEpochSecond(seconds - GREGORIAN_OFFSET_SECONDS);
    }

    /** The row of a listing (Kazoo's {@code login_attempt_by_time} view). */
    public ObjectNode summary() {
        ObjectNode summary = Json.object();
        summary.put("id", id);
        summary.put("auth_type", authType);
        summary.put("auth_module", authModule);
        summary.put("status", status.kazooName());
        summary.put("message", message);
        summary.put("timestamp", gregorianSeconds(createdAt));
        summary.put("client_ip", clientIp);
        return summary;
    }

    /** The whole document (seed 002, "Get a Login Attempt Details"). */
    public ObjectNode detail() {
        ObjectNode detail = summary();
        ObjectNode headers = detail.putObject("client_headers");
        clientHeaders.forEach(headers::put);
        detail.put("crossbar_request_id", requestId);
        ObjectNode metadata = detail.putObject("metadata");
        metadata.put("owner_id", ownerId);
        metadata.put("account_id", accountId);
        return detail;
    }
}
