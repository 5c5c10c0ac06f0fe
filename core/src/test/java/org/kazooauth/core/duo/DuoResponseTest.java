package org.kazooauth.core.duo;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DuoResponseTest {

    @Test
    void readsTheCodeAndStateOfDuosRedirect() {
        assertEquals(Optional.of(new DuoResponse("c0de", "st4te", Optional.empty())),
                DuoResponse.parse("{\"duo_code\":\"c0de\",\"state\":\"st4te\"}"));
        assertEquals(DuoResponse.parse("{\"duo_code\":\"c0de\",\"state\":\"st4te\"}"),
                DuoResponse.parse(DuoResponse.of("c0de", "st4te", null)), "what the browser callback passes on");
    }

    @Test
    void readsAnErrorDuoRedirectedWith() {
        assertEquals(Optional.of(new DuoResponse("", "st4te", Optional.of("access_denied"))),
                DuoResponse.parse(DuoResponse.of(null, "st4te", "access_denied")));
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : new String[]{"", "not json", "\"c0de\"", "{}", "{\"duo_code\":\"c0de\"}",
                "{\"state\":\"st4te\"}", "{\"duo_code\":\"\",\"state\":\"st4te\"}", "[1,2]"}) {
            assertEquals(Optional.empty(), DuoResponse.parse(bad), bad);
        }
    }
}
