package io.nats4j.protocol.internal.net;

import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.spi.TransportOptions;
import java.util.Objects;
import java.util.Set;

/**
 * The argument checks every transport provider's {@code open} makes before it connects: both
 * arguments present, and the server's scheme one the provider serves.
 */
public final class ProviderArgs {

    private ProviderArgs() {
    }

    /**
     * Checks the arguments of {@code TransportProvider.open}.
     *
     * @param server the server to open
     * @param options the transport options
     * @param schemes the schemes the provider serves
     * @param serves what the provider serves, for the error, e.g. {@code "the TCP transport serves
     *     nats:// and tls://"}; the message goes on with {@code ", not "} and the redacted URL
     * @throws NullPointerException when {@code server} or {@code options} is null
     * @throws NatsIllegalArgumentException when the scheme is not one of {@code schemes}
     */
    public static void check(NatsUri server, TransportOptions options, Set<String> schemes, String serves) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(options, "options");
        if (!schemes.contains(server.scheme())) {
            throw new NatsIllegalArgumentException(serves + ", not " + server.redacted());
        }
    }
}
