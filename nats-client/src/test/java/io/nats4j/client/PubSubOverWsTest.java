package io.nats4j.client;

/** Every {@link PubSubTest} over {@code ws://} (peers on {@code nats://}). */
class PubSubOverWsTest extends PubSubTest {

    @Override
    String url() {
        return NATS.server().wsUrl();
    }
}
