package io.nats4j.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerInfoTest {

    /** What nats-server 2.9.10 sends to a client of a cluster with auth, plus fields we do not know. */
    static final String CLUSTER_INFO = "{\"server_id\":\"NBQPDOOZI4IHKQVM7ZINULG6UPI4GQNGKGU6BAZ3DPHYTISJITGBBZ3V\","
            + "\"server_name\":\"n1\",\"version\":\"2.9.10\",\"proto\":1,\"git_commit\":\"4cba1d4\",\"go\":\"go1.19.8\","
            + "\"host\":\"0.0.0.0\",\"port\":4222,\"headers\":true,\"auth_required\":true,\"tls_required\":false,"
            + "\"tls_verify\":false,\"tls_available\":true,\"max_payload\":1048576,\"jetstream\":true,"
            + "\"client_id\":18446744073709551615,\"client_ip\":\"10.1.2.3\","
            + "\"nonce\":\"ZrAhTlPYfKFqYHI\",\"cluster\":\"east\",\"domain\":\"hub\","
            + "\"connect_urls\":[\"10.0.0.1:4222\",\"10.0.0.2:4222\",\"[::1]:4222\"],"
            + "\"ws_connect_urls\":[\"10.0.0.1:8080\"],\"ldm\":true,\"xkey\":\"XAB\",\"cluster_dynamic\":true,"
            + "\"unknown_object\":{\"a\":[1,2,{\"b\":null}],\"c\":{\"d\":\"e\"}},\"unknown_array\":[[],{}],"
            + "\"unknown_number\":1.5e3,\"ip\":\"nats://10.0.0.1:4222\"}";

    static ServerInfo parse(String json) {
        byte[] b = ("INFO " + json + "\r\n").getBytes(StandardCharsets.UTF_8);
        return ServerInfo.parse(b, 5, b.length - 7);
    }

    @Test
    void clusterInfoFromA29Server() {
        ServerInfo i = parse(CLUSTER_INFO);
        assertEquals("NBQPDOOZI4IHKQVM7ZINULG6UPI4GQNGKGU6BAZ3DPHYTISJITGBBZ3V", i.serverId());
        assertEquals("n1", i.serverName());
        assertEquals("2.9.10", i.version());
        assertEquals("go1.19.8", i.go());
        assertEquals("0.0.0.0", i.host());
        assertEquals(4222, i.port());
        assertTrue(i.headers());
        assertTrue(i.authRequired());
        assertFalse(i.tlsRequired());
        assertFalse(i.tlsVerify());
        assertTrue(i.tlsAvailable());
        assertEquals(1048576, i.maxPayload());
        assertEquals(1, i.proto());
        assertEquals(Long.MAX_VALUE, i.clientId(), "a uint64 beyond a long is capped");
        assertEquals("10.1.2.3", i.clientIp());
        assertEquals(Optional.of("ZrAhTlPYfKFqYHI"), i.nonce());
        assertEquals(Optional.of("east"), i.cluster());
        assertEquals(List.of("10.0.0.1:4222", "10.0.0.2:4222", "[::1]:4222"), i.connectUrls());
        assertEquals(List.of("10.0.0.1:8080"), i.wsConnectUrls());
        assertTrue(i.lameDuckMode());
        assertTrue(i.jetStream());
        assertEquals(Optional.of("hub"), i.domain());
    }

    @Test
    void realSingleServerInfo() {
        ServerInfo i = parse("{\"server_id\":\"NBQP\",\"server_name\":\"NBQP\",\"version\":\"2.9.10\",\"proto\":1,"
                + "\"go\":\"go1.19.8\",\"host\":\"127.0.0.1\",\"port\":14999,\"headers\":true,\"max_payload\":1048576,"
                + "\"client_id\":4,\"client_ip\":\"127.0.0.1\"} ");
        assertEquals(14999, i.port());
        assertEquals(4, i.clientId());
        assertEquals(List.of(), i.connectUrls());
        assertEquals(Optional.empty(), i.nonce());
        assertFalse(i.lameDuckMode());
    }

    @Test
    void missingFieldsGetDefaults() {
        ServerInfo i = parse("{}");
        assertEquals("", i.serverId());
        assertEquals("", i.serverName());
        assertEquals("", i.version());
        assertEquals("", i.host());
        assertEquals(0, i.port());
        assertEquals(0, i.maxPayload());
        assertFalse(i.headers());
        assertEquals(Optional.empty(), i.nonce());
        assertEquals(Optional.empty(), i.cluster());
        assertEquals(Optional.empty(), i.domain());
        assertEquals(List.of(), i.connectUrls());
        assertEquals(List.of(), i.wsConnectUrls());
    }

    @Test
    void valuesOfAnUnexpectedTypeKeepTheDefault() {
        ServerInfo i = parse("{\"port\":\"4222\",\"headers\":\"yes\",\"connect_urls\":null,\"server_id\":{\"x\":1},"
                + "\"nonce\":null,\"ws_connect_urls\":[\"a\",1,[\"b\"],\"c\"],\"max_payload\":-5}");
        assertEquals(0, i.port());
        assertFalse(i.headers());
        assertEquals(List.of(), i.connectUrls());
        assertEquals("", i.serverId());
        assertEquals(Optional.empty(), i.nonce());
        assertEquals(List.of("a", "c"), i.wsConnectUrls());
        assertEquals(0, i.maxPayload());
    }

    @Test
    void hugeNumbersSaturateAndHugeNegativesKeepTheDefault() {
        assertEquals(0, parse("{\"max_payload\":-99999999999999999999}").maxPayload());
        assertEquals(Long.MAX_VALUE, parse("{\"max_payload\":99999999999999999999}").maxPayload());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[]", "\"str\"", "{", "{\"a\":}", "{\"a\" 1}", "{}{}", "{} x", "{\"connect_urls\":[\"a\"",
        "nul", "{'a':1}"})
    void badJsonIsAProtocolError(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        NatsProtocolException e = assertThrows(NatsProtocolException.class, () -> ServerInfo.parse(b, 0, b.length));
        assertTrue(e.getMessage().startsWith("INFO: "), e.getMessage());
    }

    @Test
    void deeplyNestedUnknownFieldIsBoundedByJacksonLimits() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        byte[] b = ("{\"x\":" + deep + "}").getBytes(StandardCharsets.UTF_8);
        assertThrows(NatsProtocolException.class, () -> ServerInfo.parse(b, 0, b.length));
    }
}
