package io.nats4j.jetstream.internal;

import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the Key/Value and Object Store managers share: each bucket is a stream named with a fixed
 * prefix, and a JetStream API error with one particular error code becomes the bucket kind's own
 * exception.
 */
public final class BucketStreams {

    private BucketStreams() {
    }

    /**
     * Runs a JetStream API call, turning one error code into another exception.
     *
     * @param <T> what the call returns
     * @param call the API call
     * @param errorCode the JetStream error code to translate, e.g.
     *     {@link JetStreamApiException#STREAM_NOT_FOUND}
     * @param translate the exception to throw instead, given the API exception (as its cause)
     * @return what the call returned
     * @throws RuntimeException from {@code translate} for that error code; any other
     *     {@link JetStreamApiException} as it was
     */
    public static <T> T translating(Supplier<T> call, int errorCode,
            Function<JetStreamApiException, ? extends RuntimeException> translate) {
        try {
            return call.get();
        } catch (JetStreamApiException e) {
            if (e.errorCode() == errorCode) {
                throw translate.apply(e);
            }
            throw e;
        }
    }

    /**
     * The bucket names: the names of the streams that start with {@code prefix}, without it.
     *
     * @param js the JetStream context
     * @param prefix the stream name prefix of the bucket kind, e.g. {@code KV_}
     * @return the bucket names, in the server's order
     */
    public static List<String> bucketNames(JetStream js, String prefix) {
        List<String> names = new ArrayList<>();
        for (String s : js.streamNames()) {
            if (s.startsWith(prefix) && s.length() > prefix.length()) {
                names.add(s.substring(prefix.length()));
            }
        }
        return names;
    }
}
