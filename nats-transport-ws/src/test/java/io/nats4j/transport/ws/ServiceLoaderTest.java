package io.nats4j.transport.ws;

import io.nats4j.testing.transport.ProviderDeclarationCheck;
import java.io.IOException;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The provider is declared both ways (module-info {@code provides}, META-INF/services for the class
 * path), both declarations agree, and {@link ServiceLoader} finds it both ways.
 */
class ServiceLoaderTest {

    private final ProviderDeclarationCheck check =
            new ProviderDeclarationCheck(WsTransportProvider.class, "io.nats4j.transport.ws", Set.of("ws", "wss"));

    @Test
    void moduleInfoAndServicesFileAgree() throws IOException {
        check.moduleInfoAndServicesFileAgree();
    }

    @Test
    void foundOnTheModulePath() {
        check.foundOnTheModulePath();
    }

    @Test
    void foundOnTheClassPath() throws Exception {
        check.foundOnTheClassPath();
    }
}
