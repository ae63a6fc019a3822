package io.nats4j.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class WebSocketTest {

    /** Sends an HTTP upgrade request and returns the status line. */
    static String upgrade(Socket s, int port) throws IOException {
        String request = "GET / HTTP/1.1\r\n"
            + "Host: localhost:" + port + "\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n";
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return Probes.readLine(s.getInputStream());
    }

    @Test
    void plainWebsocketAnswersTheUpgradeWith101() throws Exception {
        NatsServerConfig cfg = NatsServerConfig.builder().websocket(false).build();
        try (NatsServer server = NatsServer.start(cfg)) {
            assertNotEquals(server.port(), server.wsPort());
            assertEquals("ws://127.0.0.1:" + server.wsPort(), server.wsUrl());
            try (Socket s = Probes.connect(server.wsPort())) {
                assertEquals("HTTP/1.1 101 Switching Protocols", upgrade(s, server.wsPort()));
            }
            int wsPort = server.wsPort();
            server.restart();
            assertEquals(wsPort, server.wsPort());
            try (Socket s = Probes.connect(server.wsPort())) {
                assertEquals("HTTP/1.1 101 Switching Protocols", upgrade(s, server.wsPort()));
            }
        }
    }
}
