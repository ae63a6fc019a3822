package io.nats4j.client;

/** Every {@link RequestReplyTest} over {@code ws://} (peers on {@code nats://}). */
class RequestReplyOverWsTest extends RequestReplyTest {

    @Override
    String url() {
        return NATS.server().wsUrl();
    }
}
