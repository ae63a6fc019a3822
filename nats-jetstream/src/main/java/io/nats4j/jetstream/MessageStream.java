package io.nats4j.jetstream;

import java.time.Duration;
import java.util.Optional;

/**
 * Continuous consumption, iterator style ({@link Consumer#messages}): messages are pulled ahead into
 * a buffer and handed out by {@link #next}. Not for use by several threads at once.
 */
public interface MessageStream extends AutoCloseable {

    /**
     * Waits for the next message.
     *
     * @param timeout how long to wait
     * @return the message, or empty when none came in time
     * @throws JetStreamException once consumption has ended (stopped and drained, closed, or a
     *     terminal error such as a deleted consumer, which is the cause)
     */
    Optional<JetStreamMessage> next(Duration timeout);

    /** Stops pulling; messages already requested or buffered are still handed out by {@link #next}. */
    void stop();

    /** Stops now; buffered messages are dropped (the server redelivers unacknowledged ones). */
    @Override
    void close();
}
