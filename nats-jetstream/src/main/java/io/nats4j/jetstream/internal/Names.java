package io.nats4j.jetstream.internal;

import io.nats4j.protocol.NatsIllegalArgumentException;

/** Validation of stream and consumer names, which become subject tokens of the API. */
public final class Names {

    private Names() {
    }

    /**
     * Checks a stream or consumer name: not empty, no whitespace, and none of {@code . * > / \}.
     *
     * @param name the name
     * @param what what it names, for the error message
     * @return the name
     * @throws NatsIllegalArgumentException when the name is not valid
     */
    public static String checkName(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new NatsIllegalArgumentException(what + " is required");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == '.' || c == '*' || c == '>' || c == '/' || c == '\\' || c == 127) {
                throw new NatsIllegalArgumentException(what + " '" + name + "' must not contain whitespace, "
                        + "'.', '*', '>', '/' or '\\'");
            }
        }
        return name;
    }
}
