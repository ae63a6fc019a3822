package io.nats4j.moduletests;

import static io.nats4j.moduletests.Artifacts.APPS;
import static io.nats4j.moduletests.Artifacts.CLIENT;
import static io.nats4j.moduletests.Artifacts.JACKSON;
import static io.nats4j.moduletests.Artifacts.PROTOCOL;
import static io.nats4j.moduletests.Artifacts.TCP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testing.NatsServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A minimal runtime image of the example TimeService made with {@code jlink} from the build JDK's
 * jmods and our jars: it holds only the modules the application needs, and it runs against a real
 * server. Proof that nothing needs a module it does not declare. The image's size is written to
 * {@code target/jlink-image.txt}.
 */
class JlinkTest {

    @Test
    void aMinimalImageOfTheTimeServiceHoldsOnlyWhatItNeedsAndRuns() throws IOException {
        Path jdk = Jdks.build();
        Assumptions.assumeTrue(Files.isDirectory(jdk.resolve("jmods")),
                "the build JDK " + jdk + " has no jmods directory: jlink cannot make an image from it");
        Path image = Path.of("target/jlink/time-service").toAbsolutePath();
        deleteTree(image);
        Launch.ok(jdk, "jlink", List.of("--module-path", Artifacts.join(List.of(APPS, CLIENT, PROTOCOL, TCP, JACKSON)),
                "--add-modules", APPS.module + "," + TCP.module, // the transport is found at run time, so named here
                "--output", image.toString(), "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=2"));

        Launch.Result modules = Launch.ok(image, "java", List.of("--list-modules"));
        List<String> names = Arrays.stream(modules.output().split("\\R")).filter(l -> !l.isBlank())
                .map(l -> l.replaceAll("@.*", "")).sorted().collect(Collectors.toList());
        assertEquals(List.of("com.example.nats.apps", "com.fasterxml.jackson.core", "io.nats4j.client",
                "io.nats4j.protocol", "io.nats4j.transport.tcp", "java.base", "jdk.jfr"), names, modules.describe());

        try (NatsServer server = NatsServer.start()) {
            Launch.Result run = Launch.ok(image, "java", List.of("-m", APPS.module + "/com.example.nats.apps.TimeService",
                    server.url()));
            assertTrue(run.output().contains("time.now -> ") && run.output().contains("time.in.Europe.Paris -> "),
                    run.describe());
        }
        long bytes = size(image);
        String line = String.format("jlink image of com.example.nats.apps (JDK %s): %.1f MiB, modules %s%n",
                System.getProperty("java.version"), bytes / 1048576.0, String.join(", ", names));
        Files.writeString(Path.of("target/jlink-image.txt"), line);
        System.out.print(line);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }
    }
}
