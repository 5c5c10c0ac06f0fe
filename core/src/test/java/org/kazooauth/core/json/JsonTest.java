package org.kazooauth.core.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.kazooauth.core.account.TreeFixture;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonTest {

    @Test
    void mergeIsDeepForObjectsAndReplacesScalarsAndArraysWhole() {
        ObjectNode base = TreeFixture.parse("{\"a\":{\"x\":1,\"y\":[1,2]},\"b\":true}");
        ObjectNode overlay = TreeFixture.parse("{\"a\":{\"y\":[3],\"z\":{\"k\":\"v\"}},\"b\":{\"now\":\"object\"}}");

        assertEquals(TreeFixture.parse("{\"a\":{\"x\":1,\"y\":[3],\"z\":{\"k\":\"v\"}},\"b\":{\"now\":\"object\"}}"),
                Json.merge(base, overlay));
        assertEquals(TreeFixture.parse("{\"a\":{\"x\":1,\"y\":[1,2]},\"b\":true}"), base, "inputs do not change");
    }
}
