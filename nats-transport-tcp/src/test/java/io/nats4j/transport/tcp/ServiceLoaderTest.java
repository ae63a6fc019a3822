package io.nats4j.transport.tcp;

import io.nats4j.testing.transport.AbstractProviderDeclarationSuite;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The provider is declared both ways (module-info {@code provides}, META-INF/services for the class
 * path), both declarations agree, and {@link ServiceLoader} finds it both ways.
 */
class ServiceLoaderTest extends AbstractProviderDeclarationSuite {

    ServiceLoaderTest() {
        super(TcpTransportProvider.class, "io.nats4j.transport.tcp", Set.of("nats", "tls"));
    }
}
