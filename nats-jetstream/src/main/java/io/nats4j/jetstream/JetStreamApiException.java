package io.nats4j.jetstream;

import io.nats4j.protocol.NatsServerException;

/**
 * The JetStream API answered with an error. Key program behaviour on {@link #errorCode()} (the
 * server's stable {@code err_code}), never on the description text.
 *
 * <p>Common error codes:
 * <ul>
 *   <li>{@value #STREAM_NOT_FOUND} stream not found (code 404)</li>
 *   <li>{@value #CONSUMER_NOT_FOUND} consumer not found (code 404)</li>
 *   <li>{@value #STREAM_NAME_IN_USE} stream name already in use with a different configuration (code 400)</li>
 *   <li>{@value #NO_MESSAGE_FOUND} no message found (code 404)</li>
 *   <li>{@value #STREAM_WRONG_LAST_SEQUENCE} wrong last sequence (code 400)</li>
 *   <li>{@value #STREAM_WRONG_LAST_MSG_ID} wrong last message id (code 400)</li>
 *   <li>{@value #STREAM_NOT_MATCH} expected stream does not match (code 400)</li>
 *   <li>{@value #CONSUMER_ALREADY_EXISTS} consumer already exists with a different configuration (2.10+)</li>
 *   <li>{@value #CONSUMER_DOES_NOT_EXIST} consumer does not exist, on an update (2.10+)</li>
 *   <li>{@value #JETSTREAM_NOT_ENABLED_FOR_ACCOUNT} JetStream not enabled for the account (code 503)</li>
 *   <li>{@value #JETSTREAM_NOT_ENABLED} JetStream not enabled (code 503)</li>
 *   <li>{@value #MAXIMUM_MESSAGE_SIZE_EXCEEDED} message size exceeds the stream's max message size</li>
 * </ul>
 */
public class JetStreamApiException extends NatsServerException {
    private static final long serialVersionUID = 1L;

    /** {@code err_code} for "stream not found". */
    public static final int STREAM_NOT_FOUND = 10059;
    /** {@code err_code} for "consumer not found". */
    public static final int CONSUMER_NOT_FOUND = 10014;
    /** {@code err_code} for "stream name already in use with a different configuration". */
    public static final int STREAM_NAME_IN_USE = 10058;
    /** {@code err_code} for "no message found". */
    public static final int NO_MESSAGE_FOUND = 10037;
    /** {@code err_code} for "wrong last sequence". */
    public static final int STREAM_WRONG_LAST_SEQUENCE = 10071;
    /** {@code err_code} for "wrong last msg ID". */
    public static final int STREAM_WRONG_LAST_MSG_ID = 10070;
    /** {@code err_code} for "expected stream does not match". */
    public static final int STREAM_NOT_MATCH = 10060;
    /** {@code err_code} for "consumer already exists" (an action=create on 2.10+). */
    public static final int CONSUMER_ALREADY_EXISTS = 10148;
    /** {@code err_code} for "consumer does not exist" (an action=update on 2.10+). */
    public static final int CONSUMER_DOES_NOT_EXIST = 10149;
    /** {@code err_code} for "JetStream not enabled for account". */
    public static final int JETSTREAM_NOT_ENABLED_FOR_ACCOUNT = 10039;
    /** {@code err_code} for "JetStream not enabled". */
    public static final int JETSTREAM_NOT_ENABLED = 10076;
    /** {@code err_code} for "message size exceeds maximum allowed". */
    public static final int MAXIMUM_MESSAGE_SIZE_EXCEEDED = 10054;

    private final int code;
    private final int errorCode;
    private final String description;

    /**
     * Creates the exception from the API's error object.
     *
     * @param code the HTTP-like {@code code} (400, 404, 500, 503)
     * @param errorCode the JetStream {@code err_code}, 0 when the server sent none
     * @param description the {@code description}
     */
    public JetStreamApiException(int code, int errorCode, String description) {
        super(description + " (code " + code + ", err_code " + errorCode + ")");
        this.code = code;
        this.errorCode = errorCode;
        this.description = description;
    }

    /**
     * The HTTP-like status code of the error.
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    /**
     * The JetStream error code ({@code err_code}); stable across server versions.
     *
     * @return the error code, 0 when the server sent none
     */
    public int errorCode() {
        return errorCode;
    }

    /**
     * The server's description of the error.
     *
     * @return the description
     */
    public String description() {
        return description;
    }
}
