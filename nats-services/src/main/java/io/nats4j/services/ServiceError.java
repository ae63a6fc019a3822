package io.nats4j.services;

import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import java.util.Objects;
import java.util.Optional;

/**
 * A service error reply: the {@code Nats-Service-Error} and {@code Nats-Service-Error-Code} headers.
 *
 * <p>Callers of a service check each reply with {@link #of(Message)}:
 * <pre>{@code
 * Message reply = nc.request("orders.create", body, Duration.ofSeconds(2));
 * Optional<ServiceError> error = ServiceError.of(reply);
 * if (error.isPresent()) { ... error.get().code() ... }
 * }</pre>
 *
 * @param code the error code (for example 400, 500)
 * @param description the error description
 */
public record ServiceError(int code, String description) {

    /** The header holding the error description. */
    public static final String ERROR_HEADER = "Nats-Service-Error";
    /** The header holding the numeric error code. */
    public static final String ERROR_CODE_HEADER = "Nats-Service-Error-Code";

    /**
     * Checks the description.
     *
     * @param code the error code
     * @param description the description; line breaks become spaces
     */
    public ServiceError {
        Objects.requireNonNull(description, "description");
        description = description.replace('\r', ' ').replace('\n', ' ');
    }

    /**
     * The error carried by a reply, if it is an error reply.
     *
     * @param reply a reply from a service
     * @return the error; empty when the reply has no {@code Nats-Service-Error-Code} header. A code
     *     that is not a number is reported as 500 with the header text in the description.
     */
    public static Optional<ServiceError> of(Message reply) {
        Optional<String> code = reply.headers().first(ERROR_CODE_HEADER);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        String description = reply.headers().first(ERROR_HEADER).orElse("");
        try {
            return Optional.of(new ServiceError(Integer.parseInt(code.get().trim()), description));
        } catch (NumberFormatException e) {
            return Optional.of(new ServiceError(500, "unparsable error code '" + code.get() + "': " + description));
        }
    }

    /**
     * The two error headers, for a reply a service builds itself.
     *
     * @return new headers holding this error
     */
    public Headers toHeaders() {
        return new Headers().put(ERROR_HEADER, description).put(ERROR_CODE_HEADER, Integer.toString(code));
    }

    /**
     * The error as the stats report it.
     *
     * @return {@code "code:description"}
     */
    @Override
    public String toString() {
        return code + ":" + description;
    }
}
