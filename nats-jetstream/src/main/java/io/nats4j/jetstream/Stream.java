package io.nats4j.jetstream;

import java.util.Optional;

/**
 * A handle on a stream bound by {@link JetStream#stream}.
 *
 * <pre>{@code
 * Stream s = js.stream("ORDERS");
 * s.purge(PurgeOptions.builder().subject("orders.old").build());
 * Optional<StoredMessage> last = s.lastMessage("orders.new");
 * }</pre>
 */
public interface Stream {

    /**
     * The stream name.
     *
     * @return the name
     */
    String name();

    /**
     * Asks the server for the stream's current info.
     *
     * @return the info
     * @throws JetStreamApiException when the stream no longer exists
     */
    StreamInfo info();

    /**
     * The info read when the stream was bound (or last refreshed by {@link #info()}).
     *
     * @return the cached info
     */
    StreamInfo cachedInfo();

    /**
     * Removes every message.
     *
     * @return how many were removed
     */
    long purge();

    /**
     * Removes messages as the options say.
     *
     * @param options what to remove
     * @return how many were removed
     */
    long purge(PurgeOptions options);

    /**
     * Reads a message by sequence (direct get when the stream allows it).
     *
     * @param sequence the stream sequence
     * @return the message, empty when there is none with that sequence
     */
    Optional<StoredMessage> message(long sequence);

    /**
     * Reads the last message of a subject (direct get when the stream allows it).
     *
     * @param subject the subject (no wildcards)
     * @return the message, empty when the subject has none
     */
    Optional<StoredMessage> lastMessage(String subject);

    /**
     * Reads the first message with a sequence of at least {@code sequence} on a subject (wildcards
     * allowed); direct get when the stream allows it.
     *
     * @param sequence the lowest sequence
     * @param subject the subject filter
     * @return the message, empty when there is none
     */
    Optional<StoredMessage> nextMessage(long sequence, String subject);

    /**
     * Deletes one message (marked deleted; its bytes are not overwritten on disk).
     *
     * @param sequence the stream sequence
     * @return true when it was deleted, false when there was no such message
     */
    boolean deleteMessage(long sequence);

    /**
     * Binds a consumer of this stream by name; never creates one.
     *
     * @param name the consumer name
     * @return the consumer
     * @throws JetStreamApiException when it does not exist
     */
    Consumer consumer(String name);
}
