package io.nats4j.client.internal;

import io.nats4j.client.Headers;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Gives the engine access to package-private parts of the API types without making them public.
 * The API class registers itself from its static initializer.
 */
public final class ClientAccess {

    private static volatile Function<Headers, byte[]> encoder;
    private static volatile Function<Map<String, List<String>>, Headers> factory;

    private ClientAccess() {
    }

    /**
     * Called once by {@link Headers}.
     *
     * @param encode encodes headers into a block
     * @param create builds headers from a decoded block
     */
    public static void register(Function<Headers, byte[]> encode, Function<Map<String, List<String>>, Headers> create) {
        encoder = encode;
        factory = create;
    }

    /**
     * The NKey signer of the auth provider found on the path.
     *
     * @param seed the user seed; the provider keeps its own copy
     * @return the authenticator
     */
    public static io.nats4j.protocol.spi.Authenticator nkeyAuthenticator(char[] seed) {
        return Providers.auth("nkey(...)").nkey(seed);
    }

    static byte[] encode(Headers headers) {
        ensureLoaded();
        return encoder.apply(headers);
    }

    static Headers headers(Map<String, List<String>> decoded) {
        ensureLoaded();
        return factory.apply(decoded);
    }

    private static void ensureLoaded() {
        if (encoder == null) {
            try {
                Class.forName(Headers.class.getName(), true, Headers.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
