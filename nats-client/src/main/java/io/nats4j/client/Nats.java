package io.nats4j.client;

/** Entry point. */
public final class Nats {
    private Nats() {
    }
}
