package io.nats4j.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.spi.TransportProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The provider is declared both ways (module-info {@code provides}, META-INF/services for the class
 * path), both declarations agree, and {@link ServiceLoader} finds it both ways.
 */
class ServiceLoaderTest {

    private static final String SERVICE = TransportProvider.class.getName();
    private static final String FILE = "META-INF/services/" + SERVICE;

    private static Set<String> declaredInModule() {
        Module module = WsTransportProvider.class.getModule();
        assertTrue(module.isNamed(), "tests must run on the module path");
        assertEquals("io.nats4j.transport.ws", module.getName());
        ModuleDescriptor d = module.getDescriptor();
        assertTrue(d.exports().stream().anyMatch(e -> e.source().equals("io.nats4j.transport.ws") && !e.isQualified()));
        assertTrue(d.exports().stream().noneMatch(e -> e.source().endsWith(".internal")), "internals stay hidden");
        return d.provides().stream()
                .filter(p -> p.service().equals(SERVICE))
                .flatMap(p -> p.providers().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> declaredInServicesFile() throws IOException {
        try (InputStream in = WsTransportProvider.class.getModule().getResourceAsStream(FILE)) {
            assertNotNull(in, FILE + " missing");
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(l -> l.replaceFirst("#.*", "").trim())
                    .filter(l -> !l.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void moduleInfoAndServicesFileAgree() throws IOException {
        Set<String> module = declaredInModule();
        assertEquals(Set.of(WsTransportProvider.class.getName()), module);
        assertEquals(module, declaredInServicesFile());
    }

    @Test
    void foundOnTheModulePath() {
        Module self = ServiceLoaderTest.class.getModule();
        self.addUses(TransportProvider.class); // the test is patched into a module that only provides
        List<TransportProvider> found = ServiceLoader.load(ModuleLayer.boot(), TransportProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof WsTransportProvider)
                .collect(Collectors.toList());
        assertEquals(1, found.size());
        assertEquals(Set.of("ws", "wss"), found.get(0).schemes());
    }

    @Test
    void foundOnTheClassPath() throws Exception {
        URL ours = WsTransportProvider.class.getProtectionDomain().getCodeSource().getLocation();
        URL protocol = TransportProvider.class.getProtectionDomain().getCodeSource().getLocation();
        // parent: the boot loader only; the platform loader would hand our packages back to their modules
        try (URLClassLoader classPath = new URLClassLoader(new URL[] {ours, protocol}, null)) {
            Class<?> service = classPath.loadClass(SERVICE);
            assertTrue(!service.getModule().isNamed(), "loaded from the class path");
            ServiceLoaderTest.class.getModule().addUses(service);
            ServiceLoaderTest.class.getModule().addReads(service.getModule());
            Set<String> names = new TreeSet<>();
            for (Object provider : ServiceLoader.load(service, classPath)) {
                names.add(provider.getClass().getName());
                assertEquals(Set.of("ws", "wss"), service.getMethod("schemes").invoke(provider));
            }
            assertEquals(declaredInModule(), names);
        }
    }
}
