package io.nats4j.jetstream.internal;

/** The server consumer a subscriber pulls from; the ordered consumer swaps it on a reset. */
interface PullSource {
    /**
     * The current pull subject, {@code <prefix>.CONSUMER.MSG.NEXT.<stream>.<consumer>}.
     *
     * @return the subject
     */
    String nextSubject();

    /**
     * Checks a message before it is buffered (dispatch thread).
     *
     * @param m the message
     * @return false to drop it and reset
     */
    boolean accept(JsMessage m);

    /**
     * Whether problems are mended by re-creating the consumer (ordered) rather than reported.
     *
     * @return true for the ordered consumer
     */
    boolean recreates();

    /**
     * Re-creates the server consumer after the last accepted message (blocking, executor thread).
     */
    void recreate();

    /** Called once when consumption ends (e.g. to delete an ephemeral consumer). */
    void ended();
}
