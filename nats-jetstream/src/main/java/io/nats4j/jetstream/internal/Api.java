package io.nats4j.jetstream.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.Message;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JetStreamOptions;
import io.nats4j.protocol.NoRespondersException;
import java.time.Duration;
import java.util.Optional;

/** Requests to the JetStream API ({@code <prefix>.STREAM.CREATE.<name>} and friends) and their answers. */
final class Api {

    private final Connection nc;
    private final String prefix;
    private final Duration timeout;

    Api(Connection nc, JetStreamOptions options) {
        this.nc = nc;
        this.prefix = options.effectivePrefix() + ".";
        this.timeout = options.requestTimeout();
    }

    /**
     * The full subject of an API endpoint.
     *
     * @param suffix e.g. {@code STREAM.INFO.ORDERS}
     * @return the subject with the prefix
     */
    String subject(String suffix) {
        return prefix + suffix;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * Sends a request and parses the answer, throwing the API's error.
     *
     * @param suffix the endpoint after the prefix
     * @param body the JSON body, empty for none
     * @return the answer
     * @throws JetStreamApiException when the API answered with an error
     * @throws JetStreamException when no JetStream answered, or the answer is not JSON
     */
    JsonObject request(String suffix, byte[] body) {
        JsonObject o = requestRaw(suffix, body);
        Optional<JsonObject> error = o.object("error");
        if (error.isPresent()) {
            throw apiError(error.get());
        }
        return o;
    }

    /**
     * Sends a request and parses the answer without interpreting an error.
     *
     * @param suffix the endpoint after the prefix
     * @param body the JSON body
     * @return the answer
     */
    JsonObject requestRaw(String suffix, byte[] body) {
        String subject = prefix + suffix;
        Message reply;
        try {
            reply = nc.request(subject, body, timeout);
        } catch (NoRespondersException e) {
            throw new JetStreamException("no JetStream answered on " + subject
                    + " (is JetStream enabled for this account and domain?)", e);
        }
        return Json.parseObject(reply.data(), subject);
    }

    static JetStreamApiException apiError(JsonObject error) {
        return new JetStreamApiException(error.integer("code", 0), error.integer("err_code", 0),
                error.string("description", "unknown JetStream API error"));
    }

    /**
     * Whether an API exception means "not found" for the given error code.
     *
     * @param e the exception
     * @param errorCode the code meaning absent
     * @return true when absent
     */
    static boolean isNotFound(JetStreamApiException e, int errorCode) {
        return e.errorCode() == errorCode || (e.errorCode() == 0 && e.code() == 404);
    }
}
