package io.nats4j.client;

import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;

/** Every {@link ReconnectTest} over {@code ws://}: the server restarts, the WebSocket client comes back. */
class ReconnectOverWsTest extends ReconnectTest {

    @Override
    NatsServer startServer() {
        return NatsServer.start(NatsServerConfig.builder().websocket(false).build());
    }

    @Override
    String url(NatsServer server) {
        return server.wsUrl();
    }
}
