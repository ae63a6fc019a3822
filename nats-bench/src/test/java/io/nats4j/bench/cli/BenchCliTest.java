package io.nats4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.auth.NKey;
import io.nats4j.testing.NatsCluster;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import io.nats4j.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nats-bench} end to end against real servers: every subcommand with tiny counts, the
 * output parsed and the counts checked; CSV and JSON well-formed; a cluster, TLS, auth and bad
 * options. No speed is asserted.
 */
class BenchCliTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static NatsServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() {
        server = NatsServer.start(NatsServerConfig.builder().websocket(false).build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void pubWithTwoClientsSplitsTheCountAndReportsPerClientAndAggregate() throws Exception {
        Cli c = Cli.run("pub", "-s", server.url(), "--msgs", "2001", "--size", "16", "--clients", "2", "--json").assertOk();
        Map<String, Object> j = c.json();
        assertEquals(2001, Cli.msgs(j, "pub"));
        assertEquals(2001L * 16, Math.round((Double) Cli.aggregate(j, "pub").get("bytes")));
        assertEquals(2, ((List<?>) j.get("clients")).size());
        Cli.assertNoErrors(j);
    }

    @Test
    void pubsubEverySubscriberGetsEveryMessageAndTextReportAddsUp() {
        Cli c = Cli.run("pubsub", "-s", server.url(), "--msgs", "3000", "--size", "32", "--subs", "3", "--no-progress")
                .assertOk();
        assertTrue(c.out.matches("(?s).*pub all\\s+3,000 msgs.*"), c.out);
        assertTrue(c.out.matches("(?s).*sub all\\s+9,000 msgs.*"), c.out);
        assertTrue(c.out.contains("errors: timeouts 0, dropped 0, reconnects 0, missing 0, other 0"), c.out);
    }

    @Test
    void pubsubQueueGroupSharesTheMessagesAndRateRunsMeasureLatencyIntoCsv() throws Exception {
        Path csv = tmp.resolve("out.csv");
        Cli c = Cli.run("pubsub", "-s", server.url(), "--msgs", "600", "--size", "16", "--subs", "2", "--queue", "q",
                "--rate", "3000", "--csv", csv.toString(), "--json").assertOk();
        Map<String, Object> j = c.json();
        assertEquals(600, Cli.msgs(j, "sub"));
        assertNotNull(Cli.aggregate(j, "sub").get("latency_us"), "a steady-rate run measures latency");
        Cli.assertNoErrors(j);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int columns = lines.get(0).split(",", -1).length;
        assertEquals(6, lines.size(), "header, pub #1, pub all, sub #1, sub #2, sub all: " + lines);
        for (String line : lines) {
            assertEquals(columns, line.split(",", -1).length, line);
        }
        String subAll = lines.stream().filter(l -> l.startsWith("pubsub,nats4j,sub,all,")).findFirst().orElseThrow();
        assertTrue(subAll.startsWith("pubsub,nats4j,sub,all,600,"), subAll);
        assertFalse(subAll.endsWith(",,,,"), "latency columns filled: " + subAll);
    }

    @Test
    void subCountsWhatAnotherProcessPublishesAloneAndInAQueueGroup() throws Exception {
        Cli.Background sub = Cli.start("sub", "-s", server.url(), "--subject", "t.sub", "--msgs", "1000", "--clients",
                "2", "--json", "--no-progress");
        sub.awaitErr("listening on t.sub", WAIT);
        Cli.run("pub", "-s", server.url(), "--subject", "t.sub", "--msgs", "1000", "--no-progress").assertOk();
        Map<String, Object> j = sub.finish(WAIT).assertOk().json();
        assertEquals(2000, Cli.msgs(j, "sub"), "each of 2 subscribers got all 1000");
        Cli.assertNoErrors(j);

        Cli.Background queue = Cli.start("sub", "-s", server.url(), "--subject", "t.q", "--queue", "workers", "--msgs",
                "1000", "--clients", "3", "--json", "--no-progress");
        queue.awaitErr("listening on t.q, queue workers", WAIT);
        Cli.run("pub", "-s", server.url(), "--subject", "t.q", "--msgs", "1000", "--no-progress", "--client", "jnats")
                .assertOk();
        Map<String, Object> q = queue.finish(WAIT).assertOk().json();
        assertEquals(1000, Cli.msgs(q, "sub"), "3 queue members shared 1000");
        Cli.assertNoErrors(q);
    }

    @Test
    void replyServesRequestsSequentialAndPipelinedWithLatencyPercentiles() throws Exception {
        Cli.Background reply = Cli.start("reply", "-s", server.url(), "--subject", "svc", "--msgs", "300", "--clients",
                "2", "--json", "--no-progress");
        reply.awaitErr("listening on svc", WAIT);
        Map<String, Object> seq = Cli.run("request", "-s", server.url(), "--subject", "svc", "--msgs", "200",
                "--size", "16", "--json", "--no-progress").assertOk().json();
        assertEquals(200, Cli.msgs(seq, "req"));
        @SuppressWarnings("unchecked")
        Map<String, Object> lat = (Map<String, Object>) Cli.aggregate(seq, "req").get("latency_us");
        assertEquals(200.0, lat.get("samples"));
        for (String p : List.of("p50", "p90", "p99", "p99.9", "max")) {
            assertTrue((Double) lat.get(p) > 0, p + " in " + lat);
        }
        Cli.assertNoErrors(seq);
        Map<String, Object> piped = Cli.run("request", "-s", server.url(), "--subject", "svc", "--msgs", "100",
                "--in-flight", "10", "--client", "jnats", "--json", "--no-progress").assertOk().json();
        assertEquals(100, Cli.msgs(piped, "req"));
        Cli.assertNoErrors(piped);
        Map<String, Object> served = reply.finish(WAIT).assertOk().json();
        assertEquals(300, Cli.msgs(served, "rep"), "the service stops once 300 have been served in total");
        Cli.assertNoErrors(served);
    }

    @Test
    void durationRunShowsAPlainProgressLinePerSecondWhenNotOnATerminal() {
        Cli c = Cli.run("pub", "-s", server.url(), "--duration", "2s", "--rate", "500", "--size", "16").assertOk();
        assertTrue(c.err.contains("progress: "), c.err);
        assertTrue(c.out.contains("pub all"), c.out);
    }

    @Test
    void clusterTargetWithAUrlList() throws Exception {
        try (NatsCluster cluster = NatsCluster.start(3, NatsServerConfig.builder().build())) {
            cluster.awaitRoutes(WAIT);
            Map<String, Object> j = Cli.run("pubsub", "-s", cluster.urls(), "--msgs", "1000", "--clients", "2",
                    "--subs", "2", "--json", "--no-progress").assertOk().json();
            assertEquals(1000, Cli.msgs(j, "pub"));
            assertEquals(2000, Cli.msgs(j, "sub"));
            Cli.assertNoErrors(j);
        }
    }

    @Test
    void tlsTargetWithCaAndClientCertificate() throws Exception {
        TestCertificates certs = TestCertificates.generate();
        try (NatsServer tls = NatsServer.start(NatsServerConfig.builder().tls(certs, true).build())) {
            Map<String, Object> j = Cli.run("pubsub", "-s", tls.tlsUrl(), "--tlsca", certs.caCert().toString(),
                    "--tlscert", certs.clientCert().toString(), "--tlskey", certs.clientKey().toString(), "--msgs",
                    "500", "--json", "--no-progress").assertOk().json();
            assertEquals(500, Cli.msgs(j, "sub"));
            Cli.assertNoErrors(j);
            Cli untrusted = Cli.run("pub", "-s", tls.tlsUrl(), "--msgs", "10", "--no-progress");
            assertEquals(BenchCli.EXIT_FAILED, untrusted.exit, "no CA given: the JDK trust store does not know the test CA");
            assertOneLine(untrusted.err);
        }
    }

    @Test
    void userPasswordTokenAndNkeyAuthentication() throws Exception {
        try (NatsServer auth = NatsServer.start(NatsServerConfig.builder().user("bench", "s3cret").build())) {
            Cli.run("pub", "-s", auth.url(), "--user", "bench", "--password", "s3cret", "--msgs", "100",
                    "--no-progress").assertOk();
            Cli wrong = Cli.run("pub", "-s", auth.url(), "--user", "bench", "--password", "nope", "--msgs", "10",
                    "--no-progress");
            assertEquals(BenchCli.EXIT_FAILED, wrong.exit);
            assertOneLine(wrong.err);
            assertFalse(wrong.err.contains("nope"), "no secret in the error: " + wrong.err);
        }
        try (NatsServer auth = NatsServer.start(NatsServerConfig.builder().token("t0k3n").build())) {
            Cli.run("pub", "-s", auth.url(), "--token", "t0k3n", "--msgs", "100", "--no-progress").assertOk();
        }
        NKey user = NKey.generate(NKey.Type.USER);
        Path seed = tmp.resolve("user.nk");
        char[] s = user.seed();
        Files.writeString(seed, new String(s) + "\n", StandardCharsets.US_ASCII);
        try (NatsServer auth = NatsServer.start(NatsServerConfig.builder()
                .users(List.of(NatsServerConfig.User.nkey(user.publicKey()))).build())) {
            Cli.run("pub", "-s", auth.url(), "--nkey", seed.toString(), "--msgs", "100", "--no-progress").assertOk();
            Cli.run("pub", "-s", auth.url(), "--nkey", seed.toString(), "--msgs", "100", "--no-progress", "--client",
                    "jnats").assertOk();
        }
    }

    @Test
    void jetStreamPublishConsumeAndKeyValue() throws Exception {
        try (NatsServer js = NatsServer.start(NatsServerConfig.builder().jetstream().build())) {
            String url = js.url();
            Map<String, Object> sync = Cli.run("js", "pub", "-s", url, "--msgs", "200", "--size", "32", "--storage",
                    "memory", "--json", "--no-progress").assertOk().json();
            assertEquals(200, Cli.msgs(sync, "pub"));
            assertNotNull(Cli.aggregate(sync, "pub").get("latency_us"), "synchronous publishes time each ack");
            Cli.assertNoErrors(sync);
            Map<String, Object> async = Cli.run("js", "pub", "-s", url, "--msgs", "300", "--async", "--batch", "50",
                    "--clients", "2", "--json", "--no-progress").assertOk().json();
            assertEquals(300, Cli.msgs(async, "pub"));
            Cli.assertNoErrors(async);
            Map<String, Object> consumed = Cli.run("js", "consume", "-s", url, "--msgs", "400", "--json",
                    "--no-progress").assertOk().json();
            assertEquals(400, Cli.msgs(consumed, "sub"));
            Cli.assertNoErrors(consumed);
            Map<String, Object> fetched = Cli.run("js", "consume", "-s", url, "--consumer", "fetcher", "--fetch",
                    "--batch", "64", "--msgs", "500", "--json", "--no-progress").assertOk().json();
            assertEquals(500, Cli.msgs(fetched, "sub"), "a fresh durable sees all 500 stored messages");
            Cli.assertNoErrors(fetched);
            Map<String, Object> put = Cli.run("kv", "put", "-s", url, "--msgs", "150", "--keys", "50", "--json",
                    "--no-progress").assertOk().json();
            assertEquals(150, Cli.msgs(put, "pub"));
            Cli.assertNoErrors(put);
            Map<String, Object> get = Cli.run("kv", "get", "-s", url, "--msgs", "150", "--keys", "50", "--json",
                    "--no-progress").assertOk().json();
            assertEquals(150, Cli.msgs(get, "req"));
            assertEquals(150L * 128, Math.round((Double) Cli.aggregate(get, "req").get("bytes")));
            Cli.assertNoErrors(get);
            Cli jnats = Cli.run("kv", "get", "-s", url, "--client", "jnats");
            assertEquals(BenchCli.EXIT_USAGE, jnats.exit);
            assertOneLine(jnats.err);
        }
    }

    @Test
    void jnatsOverWebSocket() throws Exception {
        Map<String, Object> j = Cli.run("pubsub", "-s", server.wsUrl(), "--client", "jnats", "--msgs", "500",
                "--json", "--no-progress").assertOk().json();
        assertEquals(500, Cli.msgs(j, "sub"));
        Cli.assertNoErrors(j);
    }

    @Test
    void badOptionsAndAnUnreachableServerEndWithOneLineAndANonZeroExit() {
        Cli size = Cli.run("pub", "--size", "abc");
        assertEquals(BenchCli.EXIT_USAGE, size.exit);
        assertOneLine(size.err);
        assertTrue(size.err.contains("--size"), size.err);
        Cli unknown = Cli.run("pub", "--bogus");
        assertEquals(BenchCli.EXIT_USAGE, unknown.exit);
        assertOneLine(unknown.err);
        Cli clients = Cli.run("pub", "-s", server.url(), "--clients", "0");
        assertEquals(BenchCli.EXIT_USAGE, clients.exit);
        assertOneLine(clients.err);
        Cli half = Cli.run("pub", "-s", server.url(), "--user", "only");
        assertEquals(BenchCli.EXIT_USAGE, half.exit);
        assertTrue(half.err.contains("--user and --password go together"), half.err);
        Cli down = Cli.run("pub", "-s", "nats://127.0.0.1:1", "--connect-timeout", "2s");
        assertEquals(BenchCli.EXIT_FAILED, down.exit);
        assertOneLine(down.err);
        assertTrue(down.err.startsWith("nats-bench: cannot connect"), down.err);
        Cli missing = Cli.run("pub", "-s", server.url(), "--tlsca", tmp.resolve("nope.pem").toString());
        assertEquals(BenchCli.EXIT_USAGE, missing.exit);
        assertTrue(missing.err.contains("--tlsca"), missing.err);
    }

    private static void assertOneLine(String err) {
        String e = err.strip();
        assertFalse(e.isEmpty(), "an error line is printed");
        assertEquals(1, e.lines().count(), "one line, no stack trace: " + err);
        assertFalse(e.contains("Exception:") && e.contains("\tat "), err);
    }
}
