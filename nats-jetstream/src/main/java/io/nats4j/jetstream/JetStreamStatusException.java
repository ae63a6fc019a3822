package io.nats4j.jetstream;

/**
 * A pull request ended with a status the server means as an error or a warning, for example
 * {@code 409 Consumer Deleted}, {@code 409 Exceeded MaxWaiting} or {@code 400 Bad Request}.
 */
public class JetStreamStatusException extends JetStreamException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String description;

    /**
     * Creates the exception.
     *
     * @param status the status code
     * @param description the status description, may be empty
     */
    public JetStreamStatusException(int status, String description) {
        super("pull request ended with status " + status + (description.isEmpty() ? "" : " " + description));
        this.status = status;
        this.description = description;
    }

    /**
     * The status code (400, 404, 408, 409, 503).
     *
     * @return the code
     */
    public int status() {
        return status;
    }

    /**
     * The status description the server sent, e.g. {@code Consumer Deleted}.
     *
     * @return the description, empty when none
     */
    public String description() {
        return description;
    }
}
