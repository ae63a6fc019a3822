package io.nats4j.testing.transport;

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
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Checks that a transport module declares its {@link TransportProvider} both ways (module-info
 * {@code provides}, and {@code META-INF/services} for the class path), that both declarations agree,
 * and that {@link ServiceLoader} finds the provider both ways, as JUnit 5 tests. A transport module's
 * test class extends it, naming its provider, module and schemes.
 *
 * <p>Pitfalls: the tests must run on the module path (the module checks fail otherwise); the class-path
 * check loads the provider's and {@code nats-protocol}'s jars or directories in a fresh class loader.
 */
public abstract class AbstractProviderDeclarationSuite {

    private static final String SERVICE = TransportProvider.class.getName();
    private static final String FILE = "META-INF/services/" + SERVICE;

    private final Class<? extends TransportProvider> provider;
    private final String moduleName;
    private final Set<String> schemes;

    /**
     * The suite for one provider.
     *
     * @param provider the provider class
     * @param moduleName the name of the module that holds it and exports its package
     * @param schemes the schemes the provider must report
     */
    protected AbstractProviderDeclarationSuite(Class<? extends TransportProvider> provider, String moduleName,
            Set<String> schemes) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.moduleName = Objects.requireNonNull(moduleName, "moduleName");
        this.schemes = Set.copyOf(schemes);
    }

    private Set<String> declaredInModule() {
        Module module = provider.getModule();
        assertTrue(module.isNamed(), "tests must run on the module path");
        assertEquals(moduleName, module.getName());
        ModuleDescriptor d = module.getDescriptor();
        assertTrue(d.exports().stream().anyMatch(e -> e.source().equals(moduleName) && !e.isQualified()));
        assertTrue(d.exports().stream().noneMatch(e -> e.source().endsWith(".internal")), "internals stay hidden");
        return d.provides().stream()
                .filter(p -> p.service().equals(SERVICE))
                .flatMap(p -> p.providers().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> declaredInServicesFile() throws IOException {
        try (InputStream in = provider.getModule().getResourceAsStream(FILE)) {
            assertNotNull(in, FILE + " missing");
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(l -> l.replaceFirst("#.*", "").trim())
                    .filter(l -> !l.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /**
     * The module-info names exactly the provider, and the services file names the same.
     *
     * @throws IOException when the services file cannot be read
     */
    @Test
    public void moduleInfoAndServicesFileAgree() throws IOException {
        Set<String> module = declaredInModule();
        assertEquals(Set.of(provider.getName()), module);
        assertEquals(module, declaredInServicesFile());
    }

    /** {@link ServiceLoader} finds the provider exactly once in the boot layer, with its schemes. */
    @Test
    public void foundOnTheModulePath() {
        AbstractProviderDeclarationSuite.class.getModule().addUses(TransportProvider.class);
        List<TransportProvider> found = ServiceLoader.load(ModuleLayer.boot(), TransportProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider::isInstance)
                .collect(Collectors.toList());
        assertEquals(1, found.size());
        assertEquals(schemes, found.get(0).schemes());
    }

    /**
     * Loaded from the class path (no modules), {@link ServiceLoader} finds the providers the module-info
     * declares, each with the schemes.
     *
     * @throws Exception when the class loader or the reflective calls fail
     */
    @Test
    public void foundOnTheClassPath() throws Exception {
        URL ours = provider.getProtectionDomain().getCodeSource().getLocation();
        URL protocol = TransportProvider.class.getProtectionDomain().getCodeSource().getLocation();
        // parent: the boot loader only; the platform loader would hand our packages back to their modules
        try (URLClassLoader classPath = new URLClassLoader(new URL[] {ours, protocol}, null)) {
            Class<?> service = classPath.loadClass(SERVICE);
            assertTrue(!service.getModule().isNamed(), "loaded from the class path");
            Module self = AbstractProviderDeclarationSuite.class.getModule();
            self.addUses(service);
            self.addReads(service.getModule());
            Set<String> names = new TreeSet<>();
            for (Object p : ServiceLoader.load(service, classPath)) {
                names.add(p.getClass().getName());
                assertEquals(schemes, service.getMethod("schemes").invoke(p));
            }
            assertEquals(declaredInModule(), names);
        }
    }
}
