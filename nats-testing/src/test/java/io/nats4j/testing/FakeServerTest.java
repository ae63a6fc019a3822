package io.nats4j.testing;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeServerTest {

    @Test
    void runsTheScriptForEachConnection() throws Exception {
        AtomicReference<String> connect = new AtomicReference<>();
        try (FakeServer fake = FakeServer.start(conn -> {
                conn.writeInfo();
                connect.set(conn.acceptHandshake());
                conn.write("-ERR 'Unknown Protocol Operation'\r\n");
            })) {
            assertEquals("nats://127.0.0.1:" + fake.port(), fake.url());
            for (int i = 0; i < 2; i++) {
                try (Socket s = Probes.connect(fake.port())) {
                    InputStream in = s.getInputStream();
                    String info = Probes.readLine(in);
                    assertTrue(info.startsWith("INFO {\"server_id\":\"FAKE\""), info);
                    s.getOutputStream().write("CONNECT {\"verbose\":false}\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
                    assertEquals("PONG", Probes.readLine(in));
                    assertEquals("-ERR 'Unknown Protocol Operation'", Probes.readLine(in));
                    assertNull(Probes.readLine(in), "script end closes the socket");
                }
            }
            assertEquals(2, fake.connections());
            assertEquals("CONNECT {\"verbose\":false}", connect.get());
            assertTrue(fake.errors().isEmpty(), () -> fake.errors().toString());
        }
    }

    @Test
    void closeUnblocksAStalledScriptAndClosesItsSocket() throws Exception {
        CountDownLatch inScript = new CountDownLatch(1);
        FakeServer fake = FakeServer.start(conn -> {
            inScript.countDown();
            conn.in().read(); // stalls: the client never sends anything
        });
        try (Socket s = Probes.connect(fake.port())) {
            assertTrue(inScript.await(5, TimeUnit.SECONDS));
            fake.close();
            assertEquals(-1, s.getInputStream().read(), "socket closed by the fake server");
        }
        assertTrue(fake.errors().isEmpty(), "a socket closed by close() is not a script error");
        assertFalse(Probes.accepts(fake.port()));
        fake.close(); // idempotent
    }

    @Test
    void scriptFailuresAreRecorded() throws Exception {
        try (FakeServer fake = FakeServer.start(conn -> {
                throw new IllegalStateException("boom");
            })) {
            try (Socket s = Probes.connect(fake.port())) {
                assertNull(Probes.readLine(s.getInputStream()));
            }
            Probes.await(Duration.ofSeconds(5), "error recorded", () -> !fake.errors().isEmpty());
            assertEquals("boom", fake.errors().get(0).getMessage());
        }
    }

    @Test
    void drainUntilClosedSeesTheClientClose() throws Exception {
        CountDownLatch drained = new CountDownLatch(1);
        try (FakeServer fake = FakeServer.start(conn -> {
                conn.writeInfo();
                if (conn.drainUntilClosed(Duration.ofSeconds(10))) {
                    drained.countDown();
                }
            })) {
            try (Socket s = Probes.connect(fake.port())) {
                Probes.readLine(s.getInputStream());
                s.getOutputStream().write("garbage\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            assertTrue(drained.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void rejectsNullScript() {
        assertThrows(IllegalArgumentException.class, () -> FakeServer.start(null));
    }
}
