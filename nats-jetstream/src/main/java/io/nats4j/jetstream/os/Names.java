package io.nats4j.jetstream.os;

import io.nats4j.protocol.NatsIllegalArgumentException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** Bucket and object name rules, and the subjects they map to. */
final class Names {
    private Names() {
    }

    static void checkBucket(String bucket) {
        Objects.requireNonNull(bucket, "bucket");
        if (bucket.isEmpty()) {
            throw new NatsIllegalArgumentException("object store bucket name is empty");
        }
        for (int i = 0; i < bucket.length(); i++) {
            char c = bucket.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_') {
                throw new NatsIllegalArgumentException("object store bucket name '" + bucket
                        + "' may hold only letters, digits, '-' and '_' (found '" + c + "')");
            }
        }
    }

    static void checkObject(String name) {
        Objects.requireNonNull(name, "object name");
        if (name.isEmpty()) {
            throw new NatsIllegalArgumentException("object name is empty");
        }
    }

    /** Object names are free text: the meta subject holds them base64url-encoded (with padding, as nats.go). */
    static String encode(String name) {
        return Base64.getUrlEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8));
    }
}
