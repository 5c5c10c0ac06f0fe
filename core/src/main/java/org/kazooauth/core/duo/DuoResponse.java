package org.kazooauth.core.duo;

import com.fasterxml.jackson.databind.JsonNode;
import org.kazooauth.core.json.Json;

import java.util.Optional;

/**
 * The answer a client brings back from Duo's Universal Prompt, Kazoo's {@code multi_factor_response}: the
 * {@code duo_code} and {@code state} of Duo's redirect, or the {@code error} Duo redirected with instead.
 */
public record DuoResponse(String duoCode, String state, Optional<String> error) {

    public static final String DUO_CODE = "duo_code";
    public static final String STATE = "state";
    public static final String ERROR = "error";

    /** Parses {@code {"duo_code": …, "state": …}}; empty when the text is not such an object. */
    public static Optional<DuoResponse> parse(String text) {
        JsonNode json;
        try {
            json = Json.read(text);
        } catch (IllegalArgumentException notJson) {
            return Optional.empty();
        }
        String state = json.path(STATE).asText("");
        if (state.isEmpty()) {
            return Optional.empty();
        }
        String error = json.path(ERROR).asText("");
        if (!error.isEmpty()) {
            return Optional.of(new DuoResponse("", state, Optional.of(error)));
        }
        String code = json.path(DUO_CODE).asText("");
        return code.isEmpty() ? Optional.empty() : Optional.of(new DuoResponse(code, state, Optional.empty()));
    }

    /** The JSON text of a response, as the browser's callback parameters are passed on. */
    public static String of(String duoCode, String state, String error) {
        var json = Json.object().put(STATE, state);
        if (error != null && !error.isEmpty()) {
            json.put(ERROR, error);
        } else {
            json.put(DUO_CODE, duoCode);
        }
        return Json.write(json);
    }
}
