package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static io.nats4j.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NoRespondersException;
import io.nats4j.testing.FakeServer;
import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Status descriptions, header sizes, listeners added after connect, requestAsync with headers. */
@ExtendWith(LeakCheckExtension.class)
class ApiAdditionsTest {


    @Test
    void statusDescriptionAndHeaderSizeComeFromTheHeaderBlock() throws Exception {
        String block = "NATS/1.0 100 Idle Heartbeat\r\nNats-Last-Consumer: 7\r\n\r\n";
        try (FakeServer fake = FakeServer.start(c -> {
            c.writeInfo();
            c.acceptHandshake();
            String sid = c.readLineStartingWith("SUB").split(" ")[2];
            c.write("HMSG hb " + sid + " " + block.length() + " " + block.length() + "\r\n" + block + "\r\n");
            c.write("MSG hb " + sid + " 2\r\nhi\r\n");
            c.drainUntilClosed(WAIT);
        }); Connection nc = Nats.connect(fake.url())) {
            Subscription sub = nc.subscribe("hb");
            Message status = sub.nextMessage(WAIT);
            assertTrue(status.isStatus());
            assertEquals(100, status.status());
            assertEquals("Idle Heartbeat", status.statusDescription());
            assertEquals(block.length(), status.headerSize());
            assertEquals(List.of("7"), status.headers().values("Nats-Last-Consumer"));
            Message plain = sub.nextMessage(WAIT);
            assertEquals("", plain.statusDescription());
            assertEquals(0, plain.headerSize());
        }
    }

    @Test
    void headersWithoutStatusHaveAnEmptyDescriptionAndTheirSize() {
        try (NatsServer server = NatsServer.start(); Connection nc = Nats.connect(server.url())) {
            Subscription sub = nc.subscribe("h");
            nc.publish("h", new Headers().add("k", "v"), "x".getBytes(StandardCharsets.UTF_8));
            Message m = sub.nextMessage(WAIT);
            assertFalse(m.isStatus());
            assertEquals("", m.statusDescription());
            assertEquals("NATS/1.0\r\nk: v\r\n\r\n".length(), m.headerSize());
        }
    }

    @Test
    void listenersAddedAfterConnectHearEventsUntilTheirRegistrationIsClosed() throws Exception {
        try (NatsServer server = NatsServer.start()) {
            TestSupport.Recorder fromOptions = new TestSupport.Recorder();
            Connection nc = Nats.connect(fromOptions.on(Options.builder().server(server.url())).build());
            List<ConnectionEvent> added = new CopyOnWriteArrayList<>();
            List<ConnectionEvent> removed = new CopyOnWriteArrayList<>();
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            Registration keep = nc.addConnectionListener((c, e) -> added.add(e));
            Registration gone = nc.addConnectionListener((c, e) -> removed.add(e));
            Registration errs = nc.addErrorListener(new ErrorListener() {
                @Override
                public void exception(Connection connection, Throwable error) {
                    errors.add(error);
                }
            });
            gone.close();
            gone.close(); // idempotent
            nc.subscribe("boom", m -> {
                throw new IllegalStateException("handler failed on purpose");
            });
            nc.publish("boom", new byte[0]);
            nc.flush(WAIT);
            await("added error listener told", () -> !errors.isEmpty());
            assertEquals("handler failed on purpose", errors.get(0).getMessage());
            errs.close();
            nc.close();
            await("added listener told CLOSED", () -> added.contains(ConnectionEvent.CLOSED));
            assertTrue(removed.isEmpty(), "a closed registration hears nothing: " + removed);
            assertTrue(fromOptions.events.contains(ConnectionEvent.CLOSED), "the Options listener still works");
            assertTrue(fromOptions.exceptions.size() >= 1);
            keep.close();
            assertThrows(NatsIllegalArgumentException.class, () -> nc.addConnectionListener(null));
        }
    }

    @Test
    void aListenerAddedToAConnectionWithoutListenersStartsTheEventsThread() {
        try (NatsServer server = NatsServer.start(); Connection nc = Nats.connect(server.url())) {
            List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
            nc.addConnectionListener((c, e) -> events.add(e));
            nc.close();
            await("CLOSED heard", () -> events.contains(ConnectionEvent.CLOSED));
        }
    }

    @Test
    void requestAsyncWithHeadersCarriesThemAndRunsStagesOffTheCommonPool() throws Exception {
        try (NatsServer server = NatsServer.start(); Connection nc = Nats.connect(server.url())) {
            nc.subscribe("hdr", m -> m.respond(m.headers().first("q").orElseThrow().getBytes(StandardCharsets.UTF_8)));
            nc.flush(WAIT);
            CompletableFuture<String> thread = new CompletableFuture<>();
            CompletableFuture<Message> f = nc.requestAsync("hdr", new Headers().add("q", "echo-me"), new byte[0], WAIT);
            f.thenRun(() -> thread.complete(Thread.currentThread().getName()));
            assertEquals("echo-me", f.get(10, TimeUnit.SECONDS).dataAsString());
            assertFalse(thread.get(10, TimeUnit.SECONDS).contains("ForkJoinPool"), thread.get());
            CompletableFuture<Message> none = nc.requestAsync("nobody", null, new byte[0], WAIT);
            CompletionException e = assertThrows(CompletionException.class, none::join);
            assertTrue(e.getCause() instanceof NoRespondersException, e.toString());
            assertThrows(NatsIllegalArgumentException.class,
                    () -> nc.requestAsync("hdr", null, new byte[0], Duration.ZERO));
        }
    }
}
