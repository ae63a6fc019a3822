package io.nats4j.jetstream;

import java.util.Optional;

/**
 * The stream's acknowledgement of a published message.
 *
 * @param stream the stream that stored it
 * @param sequence its stream sequence
 * @param duplicate true when the message id was seen within the duplicate window and the message
 *     was not stored again ({@code sequence} is then the original's)
 * @param domain the JetStream domain, when the server has one
 */
public record PubAck(String stream, long sequence, boolean duplicate, Optional<String> domain) {
}
