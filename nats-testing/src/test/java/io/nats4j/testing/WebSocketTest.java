package io.nats4j.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void compressionIsAgreedWhenTheClientOffersIt() throws Exception {
        NatsServerConfig cfg = NatsServerConfig.builder().websocket(false).websocketCompression(true).build();
        assertTrue(cfg.toString().contains("ws+deflate"), cfg.toString());
        try (NatsServer server = NatsServer.start(cfg); Socket s = Probes.connect(server.wsPort())) {
            String request = "GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n";
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 101 Switching Protocols", Probes.readLine(s.getInputStream()));
            boolean agreed = false;
            for (String line = Probes.readLine(s.getInputStream()); !line.isEmpty(); line = Probes.readLine(s.getInputStream())) {
                agreed |= line.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-extensions: permessage-deflate");
            }
            assertTrue(agreed, "no permessage-deflate in the 101 response");
        }
        assertThrows(IllegalArgumentException.class, () -> NatsServerConfig.builder().websocketCompression(true).build());
    }

    @Test
    void fakeWebSocketServerUpgradesAndFrames() throws Exception {
        try (FakeServer fake = FakeServer.startWebSocket(conn -> {
            conn.writeInfo();
            conn.write(conn.readLine() + "!\r\n");
        }); Socket s = Probes.connect(fake.port())) {
            assertTrue(fake.url().startsWith("ws://127.0.0.1:"), fake.url());
            assertEquals("HTTP/1.1 101 Switching Protocols", upgrade(s, fake.port()));
            for (String line = Probes.readLine(s.getInputStream()); !line.isEmpty(); line = Probes.readLine(s.getInputStream())) {
                if (line.startsWith("Sec-WebSocket-Accept:")) {
                    assertEquals("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", line); // RFC 6455 section 1.3
                }
            }
            java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
            assertEquals(0x82, in.readUnsignedByte());
            int len = in.readUnsignedByte();
            byte[] info = new byte[len == 126 ? in.readUnsignedShort() : len];
            in.readFully(info);
            assertTrue(new String(info, StandardCharsets.US_ASCII).startsWith("INFO {"));
            byte[] text = "hello\r\n".getBytes(StandardCharsets.US_ASCII);
            byte[] frame = new byte[6 + text.length];
            frame[0] = (byte) 0x82;
            frame[1] = (byte) (0x80 | text.length);
            byte[] mask = {1, 2, 3, 4};
            System.arraycopy(mask, 0, frame, 2, 4);
            for (int i = 0; i < text.length; i++) {
                frame[6 + i] = (byte) (text[i] ^ mask[i & 3]);
            }
            s.getOutputStream().write(frame);
            assertEquals(0x82, in.readUnsignedByte());
            byte[] echo = new byte[in.readUnsignedByte()];
            in.readFully(echo);
            assertEquals("hello!\r\n", new String(echo, StandardCharsets.US_ASCII));
            assertTrue(fake.errors().isEmpty(), fake.errors().toString());
        }
    }
}
