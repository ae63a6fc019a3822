package io.nats4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every published module of the build, read from its compiled {@code module-info.class}, checked
 * against the parent pom's {@code <modules>} and the BOM, and a module layer built from them without
 * {@code nats-auth}, as an application that picked only the client would have.
 */
class ModulesTest {

    private static final String TRANSPORT = "io.nats4j.protocol.spi.TransportProvider";
    private static final String AUTH = "io.nats4j.protocol.spi.AuthProvider";

    /** Artifact to its module name, the services it uses, and the services it provides (with what). */
    private record Declared(String module, Set<String> uses, Map<String, List<String>> provides) {
    }

    private static final Map<String, Declared> PUBLISHED = Map.of(
            "nats-protocol", new Declared("io.nats4j.protocol", Set.of(), Map.of()),
            "nats-transport-tcp", new Declared("io.nats4j.transport.tcp", Set.of(),
                    Map.of(TRANSPORT, List.of("io.nats4j.transport.tcp.TcpTransportProvider"))),
            "nats-transport-ws", new Declared("io.nats4j.transport.ws", Set.of(),
                    Map.of(TRANSPORT, List.of("io.nats4j.transport.ws.WsTransportProvider"))),
            "nats-auth", new Declared("io.nats4j.auth", Set.of(), Map.of(AUTH, List.of("io.nats4j.auth.NatsAuthProvider"))),
            "nats-client", new Declared("io.nats4j.client", Set.of(TRANSPORT, AUTH), Map.of()),
            "nats-jetstream", new Declared("io.nats4j.jetstream", Set.of(), Map.of()),
            "nats-services", new Declared("io.nats4j.services", Set.of(), Map.of()),
            "nats-testing", new Declared("io.nats4j.testing", Set.of(), Map.of()),
            "nats-bench", new Declared("io.nats4j.bench", Set.of("io.nats4j.protocol.spi.TransportProvider"), Map.of()));

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern MANAGED = Pattern.compile(
            "<dependency>\\s*<groupId>io\\.nats4j</groupId>\\s*<artifactId>([^<]+)</artifactId>");

    private static Path root() {
        return Path.of("..").toAbsolutePath().normalize();
    }

    private static Path classes(String artifact) {
        Path p = root().resolve(artifact).resolve("target").resolve("classes");
        assertTrue(Files.exists(p.resolve("module-info.class")), artifact + " has no compiled module-info at " + p
                + " (build it in the same reactor, e.g. -pl " + artifact + ",nats-bench -am)");
        return p;
    }

    private static Path jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1).trim());
        }
        return found;
    }

    /** A reactor module is published unless it is a pom-only aggregate or skips deployment. */
    private static boolean published(String module) throws Exception {
        String pom = Files.readString(root().resolve(module).resolve("pom.xml"));
        return !pom.contains("<packaging>pom</packaging>")
                && !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>");
    }

    @Test
    void theCheckedModulesAreExactlyThePublishedOnesOfTheReactorAndCoverTheBom() throws Exception {
        Set<String> publishedInReactor = new TreeSet<>();
        for (String module : matches(MODULE, Files.readString(root().resolve("pom.xml")))) {
            if (published(module)) {
                publishedInReactor.add(module);
            }
        }
        assertEquals(new TreeSet<>(PUBLISHED.keySet()), publishedInReactor,
                "the parent pom's published modules and the ones this test checks");
        List<String> managed = matches(MANAGED, Files.readString(root().resolve("nats-bom").resolve("pom.xml")));
        assertFalse(managed.isEmpty(), "the BOM manages io.nats4j artifacts");
        assertTrue(PUBLISHED.keySet().containsAll(managed), "the BOM manages " + managed);
    }

    @Test
    void everyPublishedModuleIsNamedWithTheServicesItDeclares() {
        for (Map.Entry<String, Declared> e : new TreeMap<>(PUBLISHED).entrySet()) {
            String artifact = e.getKey();
            Declared want = e.getValue();
            Set<ModuleReference> refs = ModuleFinder.of(classes(artifact)).findAll();
            assertEquals(1, refs.size(), artifact);
            ModuleDescriptor d = refs.iterator().next().descriptor();
            assertFalse(d.isAutomatic(), artifact);
            assertEquals(want.module(), d.name(), artifact);
            assertEquals(want.uses(), d.uses(), artifact + " uses");
            assertEquals(want.provides(), d.provides().stream().collect(
                    Collectors.toMap(ModuleDescriptor.Provides::service, ModuleDescriptor.Provides::providers)),
                    artifact + " provides");
            assertTrue(d.exports().stream().noneMatch(x -> x.source().contains(".internal") && !x.isQualified()),
                    d.name() + " exports an internal package to everyone");
        }
    }

    @Test
    void withoutNatsAuthOnThePathNkeyFailsNamingTheArtifactToAdd() throws Exception {
        List<Path> path = new ArrayList<>(List.of(classes("nats-protocol"), classes("nats-client"),
                classes("nats-transport-tcp"), jarOf(com.fasterxml.jackson.core.JsonFactory.class)));
        ModuleFinder finder = ModuleFinder.of(path.toArray(Path[]::new));
        Configuration cf = ModuleLayer.boot().configuration().resolveAndBind(finder, ModuleFinder.of(), Set.of("io.nats4j.client"));
        assertTrue(cf.findModule("io.nats4j.transport.tcp").isPresent(), "the TCP transport is bound as a service provider");
        assertTrue(cf.findModule("io.nats4j.auth").isEmpty());
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        ClassLoader loader = layer.findLoader("io.nats4j.client");
        Class<?> optionsClass = loader.loadClass("io.nats4j.client.Options");
        Object builder = optionsClass.getMethod("builder").invoke(null);
        Class<?> builderClass = builder.getClass();
        builderClass.getMethod("server", String.class).invoke(builder, "nats://127.0.0.1:1");
        Method nkey = builderClass.getMethod("nkey", char[].class);
        InvocationTargetException e = org.junit.jupiter.api.Assertions.assertThrows(InvocationTargetException.class,
                () -> nkey.invoke(builder, (Object) "SUAIBDPBAUTWCWBKIO6XHQNINK5FWJW4OHLXC3HQ2KFE4PEJUA44CNHTC4".toCharArray()));
        String message = e.getCause().getMessage();
        assertTrue(message.contains("io.nats4j:nats-auth"), message);
        assertFalse(message.contains("SUAIBDPB"), message);
    }
}
