package io.nats4j.client;

/** Every {@link DrainTest} over {@code ws://} (the publishing peer on {@code nats://}). */
class DrainOverWsTest extends DrainTest {

    @Override
    String url() {
        return NATS.server().wsUrl();
    }
}
