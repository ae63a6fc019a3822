package io.nats4j.jetstream.internal;

import io.nats4j.client.Message;

/**
 * What a status message on a pull subscription means, as nats-server sends them (consumer.go):
 * how the client must react, and how much of the request it ends.
 */
enum PullStatus {
    /** {@code 100 Idle Heartbeat}: the request is alive; nothing to do but note the activity. */
    HEARTBEAT,
    /** {@code 100 FlowControl Request} (push consumers): answer it. */
    FLOW_CONTROL,
    /**
     * The request ended normally, the rest of it is void: {@code 404 No Messages}, {@code 408 Request
     * Timeout}, {@code 408 Interest Expired}, {@code 409 Message Size Exceeds MaxBytes},
     * {@code 409 Batch Completed}. Carries {@code Nats-Pending-Messages/-Bytes} where the server sends them.
     */
    REQUEST_ENDED,
    /** {@code 409 Exceeded MaxWaiting}: this request was refused, try again later. A warning. */
    REFUSED,
    /**
     * {@code 409 Leadership Change} / {@code 409 Server Shutdown}: every outstanding request is void;
     * pull again.
     */
    RESET,
    /** {@code 409 Consumer Deleted}. */
    CONSUMER_DELETED,
    /** {@code 503}: nothing answered the pull request (the consumer is not there, or not yet). */
    NO_RESPONDERS,
    /**
     * {@code 400 Bad Request}, {@code 409 Consumer is push based}, {@code 409 Exceeded MaxRequestBatch /
     * MaxRequestExpires / MaxRequestMaxBytes}: the request can never succeed as sent.
     */
    TERMINAL;

    static PullStatus of(Message m) {
        int code = m.status();
        String d = m.statusDescription();
        switch (code) {
            case 100:
                return m.replyTo().isPresent() || d.startsWith("FlowControl") ? FLOW_CONTROL : HEARTBEAT;
            case 404:
            case 408:
                return REQUEST_ENDED;
            case 409:
                return of409(d);
            case 503:
                return NO_RESPONDERS;
            default:
                return TERMINAL;
        }
    }

    private static PullStatus of409(String d) {
        if (d.startsWith("Message Size Exceeds MaxBytes") || d.startsWith("Batch Completed")) {
            return REQUEST_ENDED;
        }
        if (d.startsWith("Exceeded MaxWaiting")) {
            return REFUSED;
        }
        if (d.startsWith("Leadership Change") || d.startsWith("Server Shutdown")) {
            return RESET;
        }
        if (d.startsWith("Consumer Deleted")) {
            return CONSUMER_DELETED;
        }
        if (d.startsWith("Consumer is push based") || d.startsWith("Exceeded MaxRequest")) {
            return TERMINAL;
        }
        return REFUSED; // a 409 this version does not know: drop that request, keep going
    }

    /**
     * A pending-count header of a status, e.g. {@code Nats-Pending-Messages}.
     *
     * @param m the status message
     * @param name the header name
     * @return the value, or -1 when absent or malformed
     */
    static long pendingHeader(Message m, String name) {
        String v = m.headers().first(name).orElse(null);
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
