package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.spi.AuthProvider;
import io.nats4j.protocol.spi.TransportProvider;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The modules as the JVM sees them on the real module path (the tests run patched into io.nats4j.client). */
class JpmsTest {

    private static ModuleDescriptor descriptor(String name) {
        Module m = ModuleLayer.boot().findModule(name).orElseThrow(() -> new AssertionError(name + " is not on the module path"));
        return m.getDescriptor();
    }

    @Test
    void ourModulesAreNamedWithTheDeclaredDirectives() {
        for (String name : List.of("io.nats4j.protocol", "io.nats4j.client", "io.nats4j.transport.tcp", "io.nats4j.auth")) {
            ModuleDescriptor d = descriptor(name);
            assertFalse(d.isAutomatic(), name + " must be a named module with a module-info");
        }
        assertTrue(Client.class.getModule().isNamed());
        ModuleDescriptor client = descriptor("io.nats4j.client");
        assertEquals(Set.of("io.nats4j.protocol.spi.TransportProvider", "io.nats4j.protocol.spi.AuthProvider"), client.uses());
        assertEquals(Set.of("io.nats4j.client"), client.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()), "only the API package is exported");
        assertTrue(client.exports().stream().filter(ModuleDescriptor.Exports::isQualified)
                .allMatch(e -> e.targets().equals(Set.of("io.nats4j.bench"))), "internals only to the benchmarks");
        assertTrue(client.requires().stream().anyMatch(r -> r.name().equals("io.nats4j.protocol")
                && r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)));
        assertTrue(client.requires().stream().noneMatch(r -> r.name().startsWith("io.nats4j.transport")
                || r.name().equals("io.nats4j.auth")), "the client must not depend on transports or auth at compile time");
        Map<String, List<String>> provides = descriptor("io.nats4j.transport.tcp").provides().stream()
                .collect(Collectors.toMap(ModuleDescriptor.Provides::service, ModuleDescriptor.Provides::providers));
        assertEquals(List.of("io.nats4j.transport.tcp.TcpTransportProvider"),
                provides.get("io.nats4j.protocol.spi.TransportProvider"));
        assertTrue(descriptor("io.nats4j.auth").provides().stream()
                .anyMatch(p -> p.service().equals("io.nats4j.protocol.spi.AuthProvider")));
    }

    @Test
    void serviceLoaderFindsTheProvidersThroughTheModuleLayer() {
        Set<String> schemes = new TreeSet<>();
        for (TransportProvider p : ServiceLoader.load(TransportProvider.class)) {
            assertTrue(p.getClass().getModule().isNamed(), p.getClass() + " found as a named module");
            schemes.addAll(p.schemes());
        }
        assertTrue(schemes.containsAll(Set.of("nats", "tls")), schemes.toString());
        assertTrue(ServiceLoader.load(AuthProvider.class).findFirst().isPresent());
    }

    /** A type of this module, to ask for its module. */
    private interface Client {
    }
}
