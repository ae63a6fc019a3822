package io.nats4j.moduletests;

import static io.nats4j.moduletests.Artifacts.AUTH;
import static io.nats4j.moduletests.Artifacts.BOUNCYCASTLE;
import static io.nats4j.moduletests.Artifacts.CLIENT;
import static io.nats4j.moduletests.Artifacts.COUNTING;
import static io.nats4j.moduletests.Artifacts.JACKSON;
import static io.nats4j.moduletests.Artifacts.PROTOCOL;
import static io.nats4j.moduletests.Artifacts.TCP;
import static io.nats4j.moduletests.Artifacts.WS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.auth.Jwt;
import io.nats4j.auth.NKey;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Small applications compiled against the client alone (forked {@code javac --release 17}) and run
 * in forked JVMs of each tested JDK: on the real module path ({@code java -p ... -m}), so only the
 * modules given are resolved and the providers are found through {@code provides}; and on the class
 * path, where the same jars work through {@code META-INF/services}. Each run talks to a real
 * nats-server.
 */
class ModulePathTest {

    private static final String MAIN = "app.probe.Main";
    @TempDir
    static Path work;
    private static Path app;
    private static Path creds;
    private static NatsServer plain;
    private static NatsServer operator;

    @BeforeAll
    static void compileAndStart() throws IOException {
        app = work.resolve("app");
        Path src = Path.of("src/test/apps/probe").toAbsolutePath();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-d", app.toString(),
                "-p", Artifacts.join(List.of(CLIENT, PROTOCOL, JACKSON))));
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        Launch.ok(Jdks.build(), "javac", args);

        plain = NatsServer.start(NatsServerConfig.builder().websocket(false).build());
        NKey op = NKey.generate(NKey.Type.OPERATOR);
        NKey sys = NKey.generate(NKey.Type.ACCOUNT);
        NKey account = NKey.generate(NKey.Type.ACCOUNT);
        NKey user = NKey.generate(NKey.Type.USER);
        operator = NatsServer.start(NatsServerConfig.builder().operator(Jwt.issueOperatorJwt(op, "op"), sys.publicKey(),
                Map.of(sys.publicKey(), Jwt.issueAccountJwt(op, sys.publicKey(), "SYS"),
                        account.publicKey(), Jwt.issueAccountJwt(op, account.publicKey(), "APP"))).build());
        creds = work.resolve("user.creds");
        String jwt = Jwt.issueUserJwt(account, user.publicKey(), "probe", Duration.ofHours(1));
        Files.writeString(creds, "-----BEGIN NATS USER JWT-----\n" + jwt + "\n------END NATS USER JWT------\n\n"
                + "-----BEGIN USER NKEY SEED-----\n" + new String(user.seed()) + "\n------END USER NKEY SEED------\n");
    }

    @AfterAll
    static void stop() {
        if (plain != null) {
            plain.close();
        }
        if (operator != null) {
            operator.close();
        }
    }

    static Stream<Arguments> jdks() {
        return Jdks.TESTED.stream().map(Arguments::of);
    }

    private static Launch.Result onModulePath(int jdk, List<Artifacts> path, String... args) {
        List<String> cmd = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-p", Artifacts.join(path, app), "-m", "app.probe/" + MAIN));
        cmd.addAll(List.of(args));
        return Launch.ok(Jdks.require(jdk), "java", cmd);
    }

    private static Launch.Result onClassPath(int jdk, List<Artifacts> path, String... args) {
        List<String> cmd = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", Artifacts.join(path, app), MAIN));
        cmd.addAll(List.of(args));
        return Launch.ok(Jdks.require(jdk), "java", cmd);
    }

    private static void assertWorked(Launch.Result r, String urlPrefix) {
        Map<String, String> v = r.values();
        assertTrue(v.getOrDefault("connected", "").startsWith(urlPrefix), r.describe());
        assertEquals("one", v.get("publish"), r.describe());
        assertEquals("two", v.get("request"), r.describe());
    }

    private static String layer(String... modules) {
        return String.join(",", new java.util.TreeSet<>(List.of(modules)));
    }

    private static boolean wsHasAProvider() {
        return WS.descriptor().provides().stream()
                .anyMatch(p -> p.service().equals("io.nats4j.protocol.spi.TransportProvider"));
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void clientAndTcpOnlyOnTheModulePath(int jdk) {
        Launch.Result r = onModulePath(jdk, List.of(CLIENT, PROTOCOL, TCP, JACKSON), plain.url());
        assertWorked(r, "nats://");
        assertEquals(layer("app.probe", "io.nats4j.client", "io.nats4j.protocol", "io.nats4j.transport.tcp",
                "com.fasterxml.jackson.core"), r.values().get("layer"), r.describe());
        assertEquals("true,true", r.values().get("named"), r.describe());
        assertEquals("true", r.values().get("jfr"), "the client requires jdk.jfr, so jcmd JFR.start finds it\n" + r.describe());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void flightRecorderEventsOnTheModulePath(int jdk) throws IOException {
        Path jfr = work.resolve("probe-" + jdk + ".jfr");
        List<String> cmd = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:StartFlightRecording:filename=" + jfr + ",settings=default",
                "-p", Artifacts.join(List.of(CLIENT, PROTOCOL, TCP, JACKSON), app), "-m", "app.probe/" + MAIN, plain.url()));
        assertWorked(Launch.ok(Jdks.require(jdk), "java", cmd), "nats://");
        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr);
        assertTrue(events.stream().anyMatch(e -> e.getEventType().getName().equals("io.nats4j.Connect")
                && e.getString("server").startsWith("nats://127.0.0.1:")), "no io.nats4j.Connect event in " + jfr);
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void wsOnlyOnTheModulePathRefusesNatsUrlsNamingTheTcpArtifact(int jdk) {
        Launch.Result r = onModulePath(jdk, List.of(CLIENT, PROTOCOL, WS, JACKSON), "--expect-failure", plain.url());
        String error = r.values().getOrDefault("error", "");
        assertTrue(error.contains("no transport for nats://") && error.contains("io.nats4j:nats-transport-tcp"), r.describe());
        assertTrue(!r.values().get("layer").contains("io.nats4j.transport.tcp"), r.describe());
        // a module that provides nothing and that nobody requires is not resolved; with its provider it is bound
        assertEquals(wsHasAProvider(), r.values().get("layer").contains("io.nats4j.transport.ws"), r.describe());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void wsOnlyOnTheModulePathConnectsToWsUrls(int jdk) {
        Assumptions.assumeTrue(wsHasAProvider(), "nats-transport-ws declares no TransportProvider yet (the WebSocket "
                + "transport is being built on branch ws): the ws:// run waits for it");
        Launch.Result r = onModulePath(jdk, List.of(CLIENT, PROTOCOL, WS, JACKSON), plain.wsUrl());
        assertWorked(r, "ws://");
        assertTrue(!r.values().get("layer").contains("io.nats4j.transport.tcp"), r.describe());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void withNatsAuthOnTheModulePathCredsConnect(int jdk) {
        Launch.Result r = onModulePath(jdk, List.of(CLIENT, PROTOCOL, TCP, AUTH, BOUNCYCASTLE, JACKSON),
                operator.url(), creds.toString());
        assertWorked(r, "nats://");
        assertTrue(r.values().get("layer").contains("io.nats4j.auth,"), "bound as a service provider\n" + r.describe());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void theExamplePluginOnTheModulePath(int jdk) {
        Launch.Result r = onModulePath(jdk, List.of(CLIENT, PROTOCOL, TCP, COUNTING, JACKSON),
                "counting://127.0.0.1:" + plain.port());
        assertWorked(r, "counting://");
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void clientAndTcpOnTheClassPath(int jdk) {
        Launch.Result r = onClassPath(jdk, List.of(CLIENT, PROTOCOL, TCP, JACKSON), plain.url());
        assertWorked(r, "nats://");
        assertEquals("false,false", r.values().get("named"), "unnamed module: META-INF/services\n" + r.describe());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void withNatsAuthOnTheClassPathCredsConnect(int jdk) {
        assertWorked(onClassPath(jdk, List.of(CLIENT, PROTOCOL, TCP, AUTH, BOUNCYCASTLE, JACKSON),
                operator.url(), creds.toString()), "nats://");
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void wsOnlyOnTheClassPath(int jdk) {
        Launch.Result refused = onClassPath(jdk, List.of(CLIENT, PROTOCOL, WS, JACKSON), "--expect-failure", plain.url());
        assertTrue(refused.values().getOrDefault("error", "").contains("io.nats4j:nats-transport-tcp"), refused.describe());
        Assumptions.assumeTrue(wsHasAProvider(), "nats-transport-ws declares no TransportProvider yet (branch ws): "
                + "only the nats:// refusal ran");
        assertWorked(onClassPath(jdk, List.of(CLIENT, PROTOCOL, WS, JACKSON), plain.wsUrl()), "ws://");
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void thePluginRegisteredOnlyInModuleInfoIsNotFoundOnTheClassPath(int jdk) {
        Launch.Result r = onClassPath(jdk, List.of(CLIENT, PROTOCOL, TCP, COUNTING, JACKSON),
                "--expect-failure", "counting://127.0.0.1:" + plain.port());
        assertTrue(r.values().getOrDefault("error", "").contains("no transport for counting://"), r.describe());
    }
}
