package io.nats4j.protocol.internal;

import io.nats4j.protocol.ServerInfo;

/**
 * Receives the operations a {@link Parser} finds, in order, on the thread that called
 * {@link Parser#parse}. Implementations must not keep the {@link MsgView} past the call.
 */
public interface ParserSink {

    /**
     * A {@code MSG} or {@code HMSG} frame.
     *
     * @param msg the frame, valid only during this call
     */
    void onMsg(MsgView msg);

    /**
     * An {@code INFO} operation.
     *
     * @param info the parsed fields
     */
    void onInfo(ServerInfo info);

    /** A {@code PING}: the client must answer {@code PONG}. */
    void onPing();

    /** A {@code PONG}. */
    void onPong();

    /** A {@code +OK} (verbose mode only). */
    void onOk();

    /**
     * A {@code -ERR}.
     *
     * @param error the text without the surrounding quotes
     */
    void onErr(String error);
}
