package io.nats4j.services;

import static io.nats4j.services.Waits.WAIT;
import static io.nats4j.services.Waits.await;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Message;
import io.nats4j.client.Nats;
import io.nats4j.client.Subscription;
import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NoRespondersException;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.testing.NatsServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServiceTest {

    @RegisterExtension
    static final NatsServerExtension NATS = NatsServerExtension.withConfig(NatsServerConfig.builder().build());

    private Connection nc;
    private Connection client;

    @BeforeEach
    void connect() {
        nc = Nats.connect(NATS.server().url());
        client = Nats.connect(NATS.server().url());
    }

    @AfterEach
    void close() {
        nc.close();
        client.close();
    }

    @AfterAll
    static void noLeaks() {
        Waits.assertNoLeaks();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void discoveryFromASecondConnection() {
        try (Service a = Service.builder(nc).name("disco").version("1.2.3").description("finds things")
                .metadata(Map.of("region", "eu"))
                .endpoint("echo", "disco.echo", r -> r.respond(r.data()))
                .group("disco.admin", "admins")
                .endpoint(EndpointConfig.builder().name("reset").metadata(Map.of("danger", "yes"))
                        .handler(r -> r.respond(new byte[0])).build())
                .build();
             Service b = Service.builder(nc).name("disco").version("1.2.4")
                .endpoint("echo", "disco.echo", r -> r.respond(r.data())).build();
             Service other = Service.builder(nc).name("other").version("0.0.1").build()) {
            ServiceDiscovery discovery = ServiceDiscovery.of(client, WAIT, 3);

            Set<String> all = discovery.ping().stream().map(ServiceIdentity::id).collect(Collectors.toSet());
            assertEquals(Set.of(a.id(), b.id(), other.id()), all);
            List<ServiceIdentity> named = ServiceDiscovery.of(client, WAIT, 2).ping("disco");
            assertEquals(Set.of(a.id(), b.id()), named.stream().map(ServiceIdentity::id).collect(Collectors.toSet()));

            ServiceIdentity one = discovery.ping("disco", a.id()).orElseThrow();
            assertEquals(new ServiceIdentity("disco", a.id(), "1.2.3", Map.of("region", "eu")), one);

            ServiceInfo info = discovery.info("disco", a.id()).orElseThrow();
            assertEquals(a.info(), info);
            assertEquals("finds things", info.description());
            assertEquals(List.of(
                    new EndpointInfo("echo", "disco.echo", Optional.of("q"), Map.of()),
                    new EndpointInfo("reset", "disco.admin.reset", Optional.of("admins"), Map.of("danger", "yes"))),
                    info.endpoints());

            ServiceStats stats = discovery.stats("disco", b.id()).orElseThrow();
            assertEquals("1.2.4", stats.version());
            assertEquals(b.stats().started(), stats.started());
            assertEquals(1, stats.endpoints().size());
            assertTrue(discovery.info("disco", "no-such-id").isEmpty());
        }
    }

    @Test
    void discoveryJsonHasTheStandardFields() {
        try (Service s = Service.builder(nc).name("raw").version("1.0.0")
                .endpoint("e", "raw.e", r -> r.respond(new byte[0])).build()) {
            client.request("raw.e", new byte[0], WAIT);
            String ping = client.request("$SRV.PING.raw." + s.id(), new byte[0], WAIT).dataAsString();
            assertTrue(ping.contains("\"type\":\"io.nats.micro.v1.ping_response\""), ping);
            assertTrue(ping.contains("\"metadata\":{}"), ping);
            String info = client.request("$SRV.INFO.raw", new byte[0], WAIT).dataAsString();
            assertTrue(info.contains("\"type\":\"io.nats.micro.v1.info_response\""), info);
            assertTrue(info.contains("\"queue_group\":\"q\""), info);
            String stats = client.request("$SRV.STATS", new byte[0], WAIT).dataAsString();
            for (String field : List.of("\"type\":\"io.nats.micro.v1.stats_response\"", "\"num_requests\":1",
                    "\"num_errors\":0", "\"last_error\":\"\"", "\"processing_time\":", "\"average_processing_time\":",
                    "\"started\":\"" + s.stats().started())) {
                assertTrue(stats.contains(field), field + " in " + stats);
            }
            Instant.parse(ServiceDiscovery.of(client, WAIT, 1).stats().get(0).started().toString());
        }
    }

    @Test
    void statsCountRequestsErrorsAndHandlerExceptions() {
        try (Service s = Service.builder(nc).name("counter").version("1.0.0")
                .endpoint("work", "counter.work", r -> {
                    String body = new String(r.data(), UTF_8);
                    if (body.equals("bad")) {
                        r.respondError(400, "bad input");
                    } else if (body.equals("boom")) {
                        throw new IllegalStateException("boom");
                    } else {
                        r.respond(bytes("ok"));
                    }
                }).build()) {
            for (int i = 0; i < 5; i++) {
                assertEquals("ok", client.request("counter.work", bytes("fine"), WAIT).dataAsString());
            }
            client.request("counter.work", bytes("bad"), WAIT);
            client.request("counter.work", bytes("boom"), WAIT);
            EndpointStats e = s.stats().endpoints().get(0);
            assertEquals(7, e.requests());
            assertEquals(2, e.errors());
            assertEquals(Optional.of("500:IllegalStateException: boom"), e.lastError());
            assertEquals(e.processingTime().toNanos() / 7, e.averageProcessingTime().toNanos());

            client.request("counter.work", bytes("bad"), WAIT);
            ServiceStats remote = ServiceDiscovery.of(client, WAIT, 1).stats("counter", s.id()).orElseThrow();
            EndpointStats r = remote.endpoints().get(0);
            assertEquals(8, r.requests());
            assertEquals(3, r.errors());
            assertEquals(Optional.of("400:bad input"), r.lastError());
            assertEquals("counter.work", r.subject());

            Instant before = s.stats().started();
            s.reset();
            EndpointStats zero = s.stats().endpoints().get(0);
            assertEquals(0, zero.requests());
            assertEquals(0, zero.errors());
            assertEquals(Duration.ZERO, zero.processingTime());
            assertTrue(zero.lastError().isEmpty());
            assertFalse(s.stats().started().isBefore(before));
        }
    }

    @Test
    void errorRepliesCarryTheServiceErrorHeaders() {
        try (Service s = Service.builder(nc).name("errs").version("1.0.0")
                .endpoint("find", "errs.find", r -> r.respondError(404, "no such\norder", bytes("detail")))
                .endpoint("crash", "errs.crash", r -> {
                    throw new java.io.IOException("disk gone");
                }).build()) {
            Message reply = client.request("errs.find", new byte[0], WAIT);
            assertEquals(Optional.of("404"), reply.headers().first("Nats-Service-Error-Code"));
            assertEquals(Optional.of("no such order"), reply.headers().first("Nats-Service-Error"));
            assertEquals("detail", reply.dataAsString());
            assertEquals(Optional.of(new ServiceError(404, "no such order")), ServiceError.of(reply));

            Message crash = client.request("errs.crash", new byte[0], WAIT);
            assertEquals(Optional.of(new ServiceError(500, "IOException: disk gone")), ServiceError.of(crash));
            assertEquals(0, crash.data().length);

            Message fine = client.request("$SRV.PING.errs", new byte[0], WAIT);
            assertTrue(ServiceError.of(fine).isEmpty());
            assertEquals(2, s.stats().endpoints().stream().mapToLong(EndpointStats::errors).sum());
        }
    }

    @Test
    void instancesShareTheQueueGroupUnlessItIsDisabled() {
        try (Connection nc2 = Nats.connect(NATS.server().url());
             Service one = Service.builder(nc).name("spread").version("1.0.0")
                .endpoint("work", "spread.work", r -> r.respond(bytes("1")))
                .endpoint(EndpointConfig.builder().name("all").subject("spread.all").noQueueGroup()
                        .handler(r -> r.respond(new byte[0])).build())
                .build();
             Service two = Service.builder(nc2).name("spread").version("1.0.0")
                .endpoint("work", "spread.work", r -> r.respond(bytes("2")))
                .endpoint(EndpointConfig.builder().name("all").subject("spread.all").noQueueGroup()
                        .handler(r -> r.respond(new byte[0])).build())
                .build()) {
            int n = 200;
            for (int i = 0; i < n; i++) {
                client.request("spread.work", new byte[0], WAIT);
            }
            long a = one.stats().endpoints().get(0).requests();
            long b = two.stats().endpoints().get(0).requests();
            assertEquals(n, a + b);
            assertTrue(a > 0 && b > 0, "both instances served: " + a + " / " + b);

            client.publish("spread.all", bytes("everyone"));
            await("both instances to get the un-grouped request", () ->
                    one.stats().endpoints().get(1).requests() == 1 && two.stats().endpoints().get(1).requests() == 1);
            assertEquals(Optional.empty(), one.info().endpoints().get(1).queueGroup());
        }
    }

    @Test
    void stopAnswersWhatWasReceivedThenGoesAway() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Service s = Service.builder(nc).name("stopper").version("1.0.0")
                .endpoint("slow", "stopper.slow", r -> {
                    entered.countDown();
                    assertTrue(release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
                    r.respond(r.data());
                }).build();
        CompletableFuture<Message> first = client.requestAsync("stopper.slow", bytes("first"), WAIT);
        assertTrue(entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        CompletableFuture<Message> second = client.requestAsync("stopper.slow", bytes("second"), WAIT);
        client.flush(WAIT); // the server routed the second request before the service unsubscribes

        CompletableFuture<Void> stopped = s.stop();
        assertFalse(stopped.isDone(), "a handler is still running");
        assertFalse(s.isStopped());
        release.countDown();
        stopped.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(s.isStopped());
        assertEquals("first", first.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).dataAsString());
        assertEquals("second", second.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).dataAsString());
        assertEquals(2, s.stats().endpoints().get(0).requests());

        assertThrows(NoRespondersException.class, () -> client.request("stopper.slow", new byte[0], WAIT));
        assertTrue(ServiceDiscovery.of(client, Duration.ofMillis(300), 10).ping("stopper").isEmpty());
        s.stop().get(WAIT.toMillis(), TimeUnit.MILLISECONDS); // idempotent
        s.close();
        await("the endpoint worker to end", () -> Waits.liveThreads().stream().noneMatch(t -> t.startsWith("nats4j-service-")));
    }

    @Test
    void closingTheConnectionStopsTheService() throws Exception {
        Connection own = Nats.connect(NATS.server().url());
        Service s = Service.builder(own).name("orphan").version("1.0.0")
                .endpoint("e", "orphan.e", r -> r.respond(new byte[0])).build();
        client.request("orphan.e", new byte[0], WAIT);
        own.close();
        await("the service to stop with its connection", s::isStopped);
        s.close();
    }

    @Test
    void severalServicesShareOneConnectionAndStopIndependently() throws Exception {
        Service a = Service.builder(nc).name("svc-a").version("1.0.0")
                .endpoint("e", "shared.a", r -> r.respond(bytes("a"))).build();
        try (Service b = Service.builder(nc).name("svc-b").version("1.0.0")
                .endpoint("e", "shared.b", r -> r.respond(bytes("b"))).build()) {
            a.stop().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals("b", client.request("shared.b", new byte[0], WAIT).dataAsString());
            assertThrows(NoRespondersException.class, () -> client.request("shared.a", new byte[0], WAIT));
            assertEquals(1, ServiceDiscovery.of(client, WAIT, 1).ping().size());
        }
    }

    @Test
    void requestsWithoutAReplySubjectAreCountedNotAnswered() {
        Subscription spy = client.subscribe("oneway.>");
        try (Service s = Service.builder(nc).name("oneway").version("1.0.0")
                .endpoint("fire", "oneway.fire", r -> r.respond(bytes("nobody hears this"))).build()) {
            client.publish("oneway.fire", bytes("x"));
            await("the request to be handled", () -> s.stats().endpoints().get(0).requests() == 1);
            EndpointStats e = s.stats().endpoints().get(0);
            assertEquals(1, e.errors());
            assertTrue(e.lastError().orElseThrow().contains("no reply subject"), e.lastError().toString());
            assertEquals("oneway.fire", spy.nextMessage(WAIT).subject());
        }
    }

    @Test
    void badDefinitionsAreRefusedWithAClearMessage() {
        Service.Builder ok = Service.builder(nc).name("fine").version("1.0.0");
        assertMessage("service name is required", () -> Service.builder(nc).version("1.0.0").build());
        assertMessage("service name 'bad name'", () -> Service.builder(nc).name("bad name").version("1.0.0").build());
        assertMessage("'1.0' is not a SemVer", () -> Service.builder(nc).name("x").version("1.0").build());
        assertMessage("endpoint name 'a.b'", () -> ok.endpoint("a.b", "subj", r -> { }));
        assertMessage("subject", () -> ok.endpoint("e", "bad subject", r -> { }));
        assertMessage("may not end with '>'", () -> ok.group("orders.>"));
        assertMessage("no handler", () -> EndpointConfig.builder().name("e").build());
        assertTrue(ServiceDiscovery.of(client, Duration.ofMillis(200), 10).ping().isEmpty(), "nothing was started");
    }

    @Test
    void endpointsAddedAfterStartAnswerAndAreDiscovered() throws Exception {
        try (Service s = Service.builder(nc).name("growing").version("1.0.0").queueGroup("workers")
                .endpoint("first", "growing.first", r -> r.respond(bytes("1"))).build()) {
            s.addEndpoint(EndpointConfig.builder().name("second").subject("growing.second")
                    .handler(r -> r.respond(bytes("2"))).build());
            assertEquals("2", client.request("growing.second", new byte[0], WAIT).dataAsString());
            ServiceInfo info = ServiceDiscovery.of(client, WAIT, 1).info("growing", s.id()).orElseThrow();
            assertEquals(List.of("growing.first", "growing.second"),
                    info.endpoints().stream().map(EndpointInfo::subject).collect(Collectors.toList()));
            assertEquals(Optional.of("workers"), info.endpoints().get(1).queueGroup(), "the service's queue group");
            assertEquals(2, ServiceDiscovery.of(client, WAIT, 1).stats("growing", s.id()).orElseThrow()
                    .endpoints().size());
            s.stop().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThrows(io.nats4j.protocol.NatsException.class, () -> s.addEndpoint(EndpointConfig.builder()
                    .name("late").handler(r -> { }).build()));
        }
    }

    @Test
    void handlersRunOffTheConnectionThreadsOrOnTheGivenExecutor() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "app-pool");
            t.setDaemon(true);
            return t;
        });
        try (Service own = Service.builder(nc).name("threads").version("1.0.0")
                .endpoint("where", "threads.own", r -> r.respond(bytes(Thread.currentThread().getName()))).build();
             Service given = Service.builder(nc).name("threads").version("1.0.0").executor(pool)
                .endpoint("where", "threads.given", r -> r.respond(bytes(Thread.currentThread().getName()))).build()) {
            assertTrue(client.request("threads.own", new byte[0], WAIT).dataAsString().startsWith("nats4j-service-"));
            assertEquals("app-pool", client.request("threads.given", new byte[0], WAIT).dataAsString());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
    }
}
