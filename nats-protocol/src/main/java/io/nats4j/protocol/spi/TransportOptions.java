package io.nats4j.protocol.spi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * What the client tells a transport when it opens one.
 *
 * @param connectTimeout bound on resolving, connecting and any TLS handshake done while opening; a later
 *     {@link Transport#upgradeToTls()} is bounded by it on its own (the client holds its whole connect,
 *     transport and handshake, to one deadline)
 * @param writeTimeout a write that makes no progress for this long fails
 * @param sslContext the TLS context to use; when absent and TLS is needed, the JDK default context
 * @param tlsRequired whether the client requires TLS whatever the server says ({@code tls://},
 *     {@code wss://}, or an {@link SSLContext} in the options)
 * @param tlsHandshakeFirst do the TLS handshake right after TCP connect, before the server's INFO
 * @param hostnameVerification verify the server certificate against {@link #tlsHostname()}; on by default
 * @param tlsHostname the host name to verify the certificate against, when it differs from the URL's
 *     host (a server learned by IP from cluster gossip is verified against the original host name)
 * @param extensions transport-specific option records (for example a WebSocket transport's own
 *     options); a transport looks up the one it understands with {@link #extension(Class)}
 */
public record TransportOptions(
        Duration connectTimeout,
        Duration writeTimeout,
        Optional<SSLContext> sslContext,
        boolean tlsRequired,
        boolean tlsHandshakeFirst,
        boolean hostnameVerification,
        Optional<String> tlsHostname,
        List<Object> extensions) {

    /**
     * Plain defaults: 2 s connect timeout, 10 s write timeout, no TLS required, hostname verification on.
     *
     * @return default options
     */
    public static TransportOptions defaults() {
        return new TransportOptions(Duration.ofSeconds(2), Duration.ofSeconds(10), Optional.empty(),
                false, false, true, Optional.empty(), List.of());
    }

    /**
     * The extension of the given type; when the application gave several, the last one (a later
     * {@code transportOption(...)} replaces an earlier one of the same type).
     *
     * @param type the option record type a transport understands
     * @param <T> that type
     * @return the extension, if the application gave one
     */
    public <T> Optional<T> extension(Class<T> type) {
        for (int i = extensions.size() - 1; i >= 0; i--) {
            Object e = extensions.get(i);
            if (type.isInstance(e)) {
                return Optional.of(type.cast(e));
            }
        }
        return Optional.empty();
    }
}
