package io.nats4j.transport.ws;

import io.nats4j.protocol.NatsIllegalArgumentException;
import java.net.ProxySelector;
import java.util.ArrayList;
import java.util.AbstractMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of the WebSocket transport, handed to it as a transport option:
 * {@code Options.builder().transportOption(WsOptions.builder()...build())}. When none is given,
 * {@link #defaults()}: no compression, no extra headers, no proxy.
 *
 * <pre>{@code
 * WsOptions ws = WsOptions.builder()
 *         .compression(true)                                  // permessage-deflate, if the server agrees
 *         .header("Authorization", "Bearer " + token)         // for a gateway in front of NATS
 *         .proxy(ProxySelector.of(new InetSocketAddress("proxy.example", 3128)))
 *         .build();
 * Connection c = Nats.connect(Options.builder().server("wss://nats.example/nats").transportOption(ws).build());
 * }</pre>
 *
 * <p>Pitfalls: compression costs CPU on both sides and pays off only for compressible payloads
 * (text, JSON) on slow links; see {@code docs/modules.md} for measured figures. Header values may
 * be secrets: {@link #toString()} shows header names only. A proxy is reached with HTTP
 * {@code CONNECT} for both {@code ws://} and {@code wss://}; proxies that need authentication and
 * SOCKS proxies are not supported.
 */
public final class WsOptions {

    private static final WsOptions DEFAULTS = builder().build();
    /** Headers the transport writes itself; an application cannot set them. */
    private static final Set<String> RESERVED = Set.of("host", "upgrade", "connection", "sec-websocket-key",
            "sec-websocket-version", "sec-websocket-extensions", "sec-websocket-accept",
            "sec-websocket-protocol", "content-length", "transfer-encoding");

    private final boolean compression;
    private final List<Map.Entry<String, String>> headers;
    private final Optional<ProxySelector> proxy;

    private WsOptions(Builder b) {
        this.compression = b.compression;
        this.headers = List.copyOf(b.headers);
        this.proxy = Optional.ofNullable(b.proxy);
    }

    /**
     * A builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * No compression, no extra headers, no proxy.
     *
     * @return the defaults
     */
    public static WsOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder holding these settings.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.compression = compression;
        b.headers.addAll(headers);
        b.proxy = proxy.orElse(null);
        return b;
    }

    /**
     * Whether the transport offers {@code permessage-deflate}.
     *
     * @return true when compression is asked for
     */
    public boolean compression() {
        return compression;
    }

    /**
     * The extra handshake headers, in the order given (a name may repeat).
     *
     * @return the headers, unmodifiable
     */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /**
     * The proxy selector, when one was set.
     *
     * @return the selector, empty for direct connections
     */
    public Optional<ProxySelector> proxy() {
        return proxy;
    }

    /**
     * Shows the settings with header names only (their values may be credentials).
     *
     * @return a description
     */
    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) {
            names.add(h.getKey());
        }
        return "WsOptions[compression=" + compression + ", headers=" + names
                + ", proxy=" + (proxy.isPresent() ? "selector" : "none") + "]";
    }

    /** Builds {@link WsOptions}; not thread-safe. */
    public static final class Builder {
        private boolean compression;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private ProxySelector proxy;

        private Builder() {
        }

        /**
         * Offers {@code permessage-deflate} (RFC 7692) in the handshake. Default: off. When the
         * server declines (nats-server without {@code websocket { compression: true }}), the
         * connection works uncompressed.
         *
         * @param on whether to offer compression
         * @return this builder
         */
        public Builder compression(boolean on) {
            this.compression = on;
            return this;
        }

        /**
         * Adds a header to the HTTP upgrade request, e.g. {@code Authorization} for a gateway, a
         * {@code Cookie}, an {@code Origin}. May be called again with the same name to repeat it.
         *
         * @param name an HTTP header name (a token); not one the transport sets itself ({@code Host},
         *     {@code Upgrade}, {@code Connection}, {@code Sec-WebSocket-*}, {@code Content-Length},
         *     {@code Transfer-Encoding})
         * @param value the value; no line breaks
         * @return this builder
         * @throws NatsIllegalArgumentException when the name is not a token or is reserved, or the
         *     value has a control character (the message names the header, never the value)
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty() || !name.chars().allMatch(Builder::isTokenChar)) {
                throw new NatsIllegalArgumentException("WebSocket header name '" + name
                        + "' is not an HTTP token (letters, digits and !#$%&'*+-.^_`|~ only)");
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new NatsIllegalArgumentException("WebSocket header '" + name
                        + "' is set by the transport itself and cannot be given");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                    throw new NatsIllegalArgumentException("the value of WebSocket header '" + name
                            + "' has a control or non-Latin-1 character at index " + i);
                }
            }
            headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
            return this;
        }

        /**
         * Connects through an HTTP proxy chosen by {@code selector} (with {@code CONNECT}, for
         * {@code ws://} and {@code wss://} alike). The selector is asked for
         * {@code http://host:port} ({@code https://} for {@code wss://}); a {@code DIRECT} answer
         * connects directly. Default: none, always direct. For a fixed proxy use
         * {@code ProxySelector.of(new InetSocketAddress(host, port))}; to follow the
         * {@code http(s).proxyHost} system properties, {@code ProxySelector.getDefault()}.
         *
         * @param selector the selector
         * @return this builder
         */
        public Builder proxy(ProxySelector selector) {
            this.proxy = Objects.requireNonNull(selector, "selector");
            return this;
        }

        /**
         * The options.
         *
         * @return the built options
         */
        public WsOptions build() {
            return new WsOptions(this);
        }

        private static boolean isTokenChar(int c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
    }
}
