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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A minimal runtime image of the example TimeService made with {@code jlink} from the build JDK's
 * jmods and our jars: it holds only the modules the application needs, and it runs against a real
 * server. Proof that nothing needs a module it does not declare. The image's size is written to
 * {@code target/jlink-image-<feature>.txt}. Run with each tested JDK.
 */
class JlinkTest {

    static Stream<Arguments> jdks() {
        return Jdks.TESTED.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void aMinimalImageOfTheTimeServiceHoldsOnlyWhatItNeedsAndRuns(int feature) throws IOException {
        Path jdk = Jdks.require(feature);
        // JDK 24+ builds without jmods link from their own run-time image (JEP 493)
        Assumptions.assumeTrue(Files.isDirectory(jdk.resolve("jmods")) || feature >= 24,
                "the JDK " + jdk + " has no jmods directory: jlink cannot make an image from it");
        Path image = Path.of("target/jlink/time-service-" + feature).toAbsolutePath();
        deleteTree(image);
        Launch.ok(jdk, "jlink", List.of("--module-path", Artifacts.join(List.of(APPS, CLIENT, PROTOCOL, TCP, JACKSON)),
                "--add-modules", APPS.module + "," + TCP.module, // the transport is found at run time, so named here
                "--output", image.toString(), "--strip-debug", "--no-header-files", "--no-man-pages",
                feature >= 21 ? "--compress=zip-6" : "--compress=2"));

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
        String version = Launch.ok(image, "java", List.of("-version")).output().split("\\R")[0];
        String line = String.format("jlink image of com.example.nats.apps (%s): %.1f MiB, modules %s%n",
                version, bytes / 1048576.0, String.join(", ", names));
        Files.writeString(Path.of("target/jlink-image-" + feature + ".txt"), line);
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
