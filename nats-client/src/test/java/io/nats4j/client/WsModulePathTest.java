package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A modular application with {@code nats-client} and {@code nats-transport-ws} on the module path,
 * and no TCP module, connects to {@code ws://}: compiled and run in a forked JVM ({@code javac} and
 * {@code java -p}), so the module graph is exactly what an application would have.
 */
class WsModulePathTest {

    private static final String MAIN = """
            package app;

            import io.nats4j.client.Connection;
            import io.nats4j.client.Message;
            import io.nats4j.client.Nats;
            import io.nats4j.client.Subscription;
            import java.time.Duration;

            public final class Main {
                public static void main(String[] args) {
                    System.out.println("tcp module present: " + ModuleLayer.boot().findModule("io.nats4j.transport.tcp").isPresent());
                    System.out.println("ws module: " + ModuleLayer.boot().findModule("io.nats4j.transport.ws").isPresent());
                    try (Connection c = Nats.connect(args[0])) {
                        Subscription s = c.subscribe("modular");
                        c.publish("modular", "over ws".getBytes());
                        Message m = s.nextMessage(Duration.ofSeconds(10));
                        System.out.println("received '" + m.dataAsString() + "' via " + c.connectedUrl().orElseThrow());
                    }
                    try {
                        Nats.connect(args[1]).close();
                        System.out.println("nats:// connected without a TCP transport");
                    } catch (RuntimeException e) {
                        System.out.println("nats:// refused: " + e.getMessage());
                    }
                }
            }
            """;

    /** The module path entries of this test JVM that an application with only these artifacts would have. */
    private static List<String> modulePath() {
        String mp = System.getProperty("jdk.module.path", "");
        List<String> out = new ArrayList<>();
        for (String entry : mp.split(File.pathSeparator)) {
            String e = entry.replace('\\', '/');
            if (e.contains("/nats-client/") || e.contains("/nats-protocol/") || e.contains("/nats-transport-ws/")
                    || e.contains("jackson-core")) {
                out.add(entry);
            }
        }
        return out;
    }

    private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output;
        try (var in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not finish: " + command);
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + output);
        return output;
    }

    @Test
    void modularAppWithOnlyTheWebSocketTransportConnects(@TempDir Path dir) throws Exception {
        List<String> path = modulePath();
        assertTrue(path.stream().anyMatch(p -> p.contains("nats-transport-ws"))
                && path.stream().noneMatch(p -> p.contains("nats-transport-tcp")), path.toString());
        Path src = dir.resolve("src/app/app");
        Files.createDirectories(src);
        Files.writeString(dir.resolve("src/app/module-info.java"), "module app { requires io.nats4j.client; }\n");
        Files.writeString(src.resolve("Main.java"), MAIN);
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        String modules = String.join(File.pathSeparator, path);
        List<String> sources;
        try (Stream<Path> files = Files.walk(dir.resolve("src"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
        }
        List<String> javac = new ArrayList<>(List.of(bin.resolve("javac").toString(), "-p", modules, "-d",
                dir.resolve("out/app").toString()));
        javac.addAll(sources);
        run(dir, javac);
        try (NatsServer server = NatsServer.start(NatsServerConfig.builder().websocket(false).build())) {
            String out = run(dir, List.of(bin.resolve("java").toString(), "-p",
                    modules + File.pathSeparator + dir.resolve("out/app"), "-m", "app/app.Main", server.wsUrl(), server.url()));
            assertTrue(out.contains("tcp module present: false") && out.contains("ws module: true"), out);
            assertTrue(out.contains("received 'over ws' via " + server.wsUrl()), out);
            assertTrue(out.contains("nats:// refused: ") && out.contains("io.nats4j:nats-transport-tcp"), out);
        }
    }
}
