package io.nats4j.jetstream.internal;

import io.nats4j.jetstream.MessageMetadata;

/** Ack subject parsing, exposed to the module's tests. */
public final class Metadata {

    private Metadata() {
    }

    /**
     * Parses an ack subject of either layout.
     *
     * @param ackSubject the reply subject of a consumed message
     * @return the metadata
     * @throws io.nats4j.jetstream.JetStreamException when it is not an ack subject
     */
    public static MessageMetadata parse(String ackSubject) {
        return JsMessage.parseMetadata(ackSubject);
    }
}
