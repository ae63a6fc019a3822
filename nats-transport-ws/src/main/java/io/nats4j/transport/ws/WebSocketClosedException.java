package io.nats4j.transport.ws;

import java.io.IOException;

/**
 * The server closed the WebSocket with a close frame; a read fails with this, carrying the code and
 * reason the server gave, and the client reconnects as after any other transport failure.
 */
public final class WebSocketClosedException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Status code meaning the close frame carried no code (RFC 6455 section 7.1.5). */
    public static final int NO_STATUS = 1005;

    /** The close code the server sent. */
    private final int code;
    /** The reason text the server sent, empty when none. */
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param where the redacted server URL
     * @param code the close code, {@link #NO_STATUS} when the frame had none
     * @param reason the reason text, empty when none
     */
    public WebSocketClosedException(String where, int code, String reason) {
        super(where + " closed the WebSocket: " + code + describe(code) + (reason.isEmpty() ? "" : " '" + reason + "'"));
        this.code = code;
        this.reason = reason;
    }

    /**
     * The close code (1000 normal, 1001 going away, 1002 protocol error, 1008 policy, 1011 server error...).
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    /**
     * The reason text the server gave.
     *
     * @return the reason, empty when none
     */
    public String reason() {
        return reason;
    }

    private static String describe(int code) {
        return switch (code) {
            case 1000 -> " (normal closure)";
            case 1001 -> " (going away)";
            case 1002 -> " (protocol error)";
            case 1003 -> " (unsupported data)";
            case 1005 -> " (no status code)";
            case 1007 -> " (invalid payload data)";
            case 1008 -> " (policy violation)";
            case 1009 -> " (message too big)";
            case 1011 -> " (internal server error)";
            default -> "";
        };
    }
}
