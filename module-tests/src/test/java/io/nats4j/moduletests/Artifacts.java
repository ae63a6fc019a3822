package io.nats4j.moduletests;

import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The build's artifacts (jars after {@code package}, class directories before), taken from this
 * module's test class path, where Maven put them from the reactor or the local repository.
 */
enum Artifacts {
    CLIENT("nats-client", "io.nats4j.client"),
    PROTOCOL("nats-protocol", "io.nats4j.protocol"),
    TCP("nats-transport-tcp", "io.nats4j.transport.tcp"),
    WS("nats-transport-ws", "io.nats4j.transport.ws"),
    AUTH("nats-auth", "io.nats4j.auth"),
    TESTING("nats-testing", "io.nats4j.testing"),
    COUNTING("example-counting-transport", "com.example.nats.counting"),
    APPS("example-apps", "com.example.nats.apps"),
    JACKSON("jackson-core", "com.fasterxml.jackson.core"),
    BOUNCYCASTLE("bcprov-jdk18on", "org.bouncycastle.provider");

    final String artifactId;
    final String module;

    Artifacts(String artifactId, String module) {
        this.artifactId = artifactId;
        this.module = module;
    }

    /** This artifact's entry of the test class path, checked to hold the module it should. */
    Path path() {
        List<Path> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).collect(Collectors.toList());
        for (Path e : entries) {
            String s = e.toString().replace('\\', '/');
            boolean match = e.getFileName().toString().startsWith(artifactId + "-")
                    || s.endsWith("/" + artifactId + "/target/classes")
                    || s.endsWith("/examples/" + artifactId.replace("example-", "") + "/target/classes");
            if (match && descriptor(e).map(ModuleDescriptor::name).filter(module::equals).isPresent()) {
                return e;
            }
        }
        throw new AssertionError(artifactId + " (module " + module + ") is not on the test class path: " + entries);
    }

    /** The module descriptor this artifact carries. */
    ModuleDescriptor descriptor() {
        return descriptor(path()).orElseThrow();
    }

    private static Optional<ModuleDescriptor> descriptor(Path entry) {
        Set<ModuleReference> refs = ModuleFinder.of(entry).findAll();
        return refs.size() == 1 ? Optional.of(refs.iterator().next().descriptor()) : Optional.empty();
    }

    /** The paths of the given artifacts, joined for {@code -p} or {@code -cp}. */
    static String join(List<Artifacts> artifacts, Path... more) {
        return artifacts.stream().map(a -> a.path().toString())
                .collect(Collectors.collectingAndThen(Collectors.toList(), l -> {
                    for (Path p : more) {
                        l.add(p.toString());
                    }
                    return String.join(File.pathSeparator, l);
                }));
    }
}
