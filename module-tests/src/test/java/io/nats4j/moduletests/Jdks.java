package io.nats4j.moduletests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The JDKs the module-path runs use: the one running the build when it is the right feature
 * release, else {@code NATS4J_JDK<feature>} from the environment, else one under {@code /usr/lib/jvm}.
 */
final class Jdks {

    /** The feature releases every module-path run is repeated on. */
    static final List<Integer> TESTED = List.of(17, 25);

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private Jdks() {
    }

    /** The feature release of the JDK at {@code home}, from its {@code release} file; -1 if none. */
    static int feature(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() && Files.isExecutable(home.resolve("bin/java")) ? Integer.parseInt(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    static Optional<Path> find(int feature) {
        Path running = Path.of(System.getProperty("java.home"));
        if (feature(running) == feature) {
            return Optional.of(running);
        }
        String env = System.getenv("NATS4J_JDK" + feature);
        if (env != null && feature(Path.of(env)) == feature) {
            return Optional.of(Path.of(env));
        }
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("/usr/lib/jvm"))) {
            dirs.sorted().forEach(candidates::add);
        } catch (IOException noJvmDir) {
            return Optional.empty();
        }
        return candidates.stream().filter(p -> feature(p) == feature).findFirst();
    }

    /** The JDK of that feature release, or the test is skipped saying where it was looked for. */
    static Path require(int feature) {
        Optional<Path> home = find(feature);
        Assumptions.assumeTrue(home.isPresent(), () -> "JDK " + feature + " not found (not the build JDK, no NATS4J_JDK"
                + feature + ", nothing under /usr/lib/jvm): skipping the JDK " + feature + " run");
        return home.get();
    }

    /** The JDK that compiles the probe applications: the build's own. */
    static Path build() {
        return Path.of(System.getProperty("java.home"));
    }
}
