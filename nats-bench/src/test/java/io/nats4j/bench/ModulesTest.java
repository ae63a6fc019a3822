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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every module of the build, read from its compiled {@code module-info.class}, and a module layer
 * built from them without {@code nats-auth}, as an application that picked only the client would have.
 */
class ModulesTest {

    private static final List<String> ARTIFACTS = List.of("nats-protocol", "nats-transport-tcp", "nats-transport-ws",
            "nats-auth", "nats-client", "nats-testing", "nats-bench");

    private static Path classes(String artifact) {
        Path p = Path.of("..", artifact, "target", "classes").toAbsolutePath().normalize();
        assertTrue(Files.exists(p.resolve("module-info.class")), artifact + " has no compiled module-info at " + p);
        return p;
    }

    private static Path jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void allSevenModulesAreNamedWithTheirDeclaredServices() {
        Map<String, ModuleDescriptor> byArtifact = new TreeMap<>();
        for (String artifact : ARTIFACTS) {
            Set<ModuleReference> refs = ModuleFinder.of(classes(artifact)).findAll();
            assertEquals(1, refs.size());
            ModuleDescriptor d = refs.iterator().next().descriptor();
            assertFalse(d.isAutomatic(), artifact);
            byArtifact.put(artifact, d);
        }
        assertEquals(Map.of("nats-protocol", "io.nats4j.protocol", "nats-transport-tcp", "io.nats4j.transport.tcp",
                "nats-transport-ws", "io.nats4j.transport.ws", "nats-auth", "io.nats4j.auth",
                "nats-client", "io.nats4j.client", "nats-testing", "io.nats4j.testing", "nats-bench", "io.nats4j.bench"),
                byArtifact.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().name())));
        assertEquals(Set.of("io.nats4j.protocol.spi.TransportProvider", "io.nats4j.protocol.spi.AuthProvider"),
                byArtifact.get("nats-client").uses());
        assertTrue(byArtifact.get("nats-transport-tcp").provides().stream()
                .anyMatch(p -> p.service().equals("io.nats4j.protocol.spi.TransportProvider")));
        assertTrue(byArtifact.get("nats-auth").provides().stream()
                .anyMatch(p -> p.service().equals("io.nats4j.protocol.spi.AuthProvider")));
        for (ModuleDescriptor d : byArtifact.values()) {
            assertTrue(d.exports().stream().noneMatch(e -> e.source().contains(".internal") && !e.isQualified()),
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
