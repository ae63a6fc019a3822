package io.nats4j.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One NATS server URL: {@code nats://}, {@code tls://}, {@code ws://} or {@code wss://}, or the
 * scheme of a third-party {@link io.nats4j.protocol.spi.TransportProvider}.
 *
 * <p>Accepted forms: {@code nats://host:port}, a bare {@code host:port} or {@code host} (meaning
 * {@code nats://}), IPv6 literals in brackets ({@code nats://[::1]:4222}), a path for WebSocket URLs,
 * and credentials in the authority: {@code user:password@host} or {@code token@host}. The default port
 * is 4222 for {@code nats}/{@code tls}, 80 for {@code ws} and 443 for {@code wss}, and 4222 for any
 * other scheme. Other schemes parse so that a transport on the path can serve them (a URL whose scheme
 * no transport serves fails when connecting, naming the scheme); {@code http} and {@code https} are
 * refused at once, since they are nats-server's monitoring port rather than a client URL.
 *
 * <p>{@link #toString()} and {@link #redacted()} hide the password or token; {@link #full()} does
 * not, and is meant only for re-parsing, never for display.
 *
 * @param scheme lower-case scheme
 * @param host host name or IP literal (IPv6 without brackets)
 * @param port port number
 * @param path path (WebSocket URLs), empty when none
 * @param userInfo the raw {@code user:password} or {@code token} part; secret
 */
public record NatsUri(String scheme, String host, int port, String path, Optional<String> userInfo) {

    /**
     * Parses one URL.
     *
     * @param url the URL, see the class description for the forms
     * @return the parsed URL
     * @throws NatsIllegalArgumentException when the URL is malformed or its scheme is http or https; the
     *     message shows the URL with any credentials hidden
     */
    public static NatsUri parse(String url) {
        Objects.requireNonNull(url, "url");
        String text = url.trim();
        if (text.isEmpty()) {
            throw new NatsIllegalArgumentException("empty server URL");
        }
        if (!text.contains("://")) {
            if (text.indexOf('/') >= 0) {
                // "nats//x", "nats:/x", "host:4222/x": a bare host:port never has a slash
                throw new NatsIllegalArgumentException("missing '://' after the scheme in server URL "
                        + redact(text) + " (expected scheme://host:port, or a bare host:port)");
            }
            text = "nats://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new NatsIllegalArgumentException("malformed server URL: " + redact(text), null);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort;
        switch (scheme) {
            case "nats", "tls" -> defaultPort = 4222;
            case "ws" -> defaultPort = 80;
            case "wss" -> defaultPort = 443;
            case "http", "https", "" -> throw new NatsIllegalArgumentException("unknown scheme '" + scheme
                    + "' in server URL " + redact(text) + " (use nats://, tls://, ws:// or wss://)");
            default -> defaultPort = 4222; // a third-party transport's own scheme, served if one is on the path
        }
        String path = pathOf(uri, scheme, text);
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            // java.net.URI gives no host when the authority is not host[:digits]: find the wrong part
            return fromAuthority(scheme, defaultPort, uri.getRawAuthority(), path, text);
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() == -1 ? defaultPort : checkPort(uri.getPort(), text);
        String userInfo = uri.getUserInfo();
        return new NatsUri(scheme, host, port, path,
                userInfo == null || userInfo.isEmpty() ? Optional.empty() : Optional.of(userInfo));
    }

    /**
     * The path (and query) a WebSocket URL sends; for nats:// and tls:// nothing but a lone "/" is
     * allowed, since the TCP transport would silently ignore it.
     */
    private static String pathOf(URI uri, String scheme, String text) {
        if (uri.getRawFragment() != null) {
            throw new NatsIllegalArgumentException("a fragment ('#...') is not allowed in server URL " + redact(text));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!scheme.equals("nats") && !scheme.equals("tls")) {
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
        if (!path.isEmpty() && !path.equals("/")) {
            throw new NatsIllegalArgumentException("path '" + path + "' is not allowed in a " + scheme
                    + ":// server URL: " + redact(text) + " (only ws:// and wss:// URLs have a path)");
        }
        if (uri.getRawQuery() != null) {
            throw new NatsIllegalArgumentException("a query ('?...') is not allowed in a " + scheme
                    + ":// server URL: " + redact(text));
        }
        return "";
    }

    /** Parses {@code [user[:password]@]host[:port]} by hand, naming the part that is wrong. */
    private static NatsUri fromAuthority(String scheme, int defaultPort, String rawAuthority, String path,
            String text) {
        String authority = rawAuthority == null ? "" : rawAuthority;
        int at = authority.lastIndexOf('@');
        String userInfo = at >= 0 ? decode(authority.substring(0, at), text) : "";
        String hostPort = authority.substring(at + 1);
        String host = hostPort;
        String portText = null;
        int colon = hostPort.lastIndexOf(':');
        if (!hostPort.startsWith("[") && colon >= 0) {
            host = hostPort.substring(0, colon);
            portText = hostPort.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new NatsIllegalArgumentException("no host in server URL: " + redact(text));
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            // Host names with '_' (container names) are resolvable although java.net.URI rejects them.
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '.' && c != '_') {
                throw new NatsIllegalArgumentException("invalid host '" + host + "' in server URL: " + redact(text));
            }
        }
        int port = defaultPort;
        if (portText != null && !portText.isEmpty()) {
            if (!portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new NatsIllegalArgumentException("port '" + portText + "' is not a number in server URL: "
                        + redact(text));
            }
            port = checkPort(portText.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(portText), text);
        }
        return new NatsUri(scheme, host, port, path, userInfo.isEmpty() ? Optional.empty() : Optional.of(userInfo));
    }

    private static int checkPort(int port, String text) {
        if (port < 1 || port > 65535) {
            throw new NatsIllegalArgumentException("port " + (port == Integer.MAX_VALUE ? "" : port + " ")
                    + "out of range (1 to 65535) in server URL: " + redact(text));
        }
        return port;
    }

    /** Percent-decodes a user-info part as {@link URI#getUserInfo()} would; never shows it. */
    private static String decode(String raw, String text) {
        try {
            String decoded = new URI("nats://" + raw + "@h").getUserInfo();
            return decoded == null ? "" : decoded;
        } catch (URISyntaxException e) {
            throw new NatsIllegalArgumentException("malformed credentials in server URL: " + redact(text), null);
        }
    }

    /**
     * Parses a comma-separated list of URLs ({@code "nats://a:4222,nats://b:4222"}).
     *
     * @param urls the list; blank entries are ignored
     * @return the parsed URLs, in order
     * @throws NatsIllegalArgumentException when the list is empty or an entry is malformed
     */
    public static List<NatsUri> parseList(String urls) {
        List<NatsUri> out = new ArrayList<>();
        for (String part : urls.split(",")) {
            if (!part.isBlank()) {
                out.add(parse(part));
            }
        }
        if (out.isEmpty()) {
            throw new NatsIllegalArgumentException("no server URL in '" + redact(urls) + "'");
        }
        return out;
    }

    /**
     * Whether the scheme itself demands TLS ({@code tls} or {@code wss}).
     *
     * @return true for {@code tls://} and {@code wss://}
     */
    public boolean isSecureScheme() {
        return scheme.equals("tls") || scheme.equals("wss");
    }

    /**
     * Whether the scheme is a WebSocket one.
     *
     * @return true for {@code ws://} and {@code wss://}
     */
    public boolean isWebSocket() {
        return scheme.equals("ws") || scheme.equals("wss");
    }

    /**
     * The user name of a {@code user:password@} URL.
     *
     * @return the user, when the URL carries {@code user:password}
     */
    public Optional<String> user() {
        return userInfo.filter(u -> u.indexOf(':') >= 0).map(u -> u.substring(0, u.indexOf(':')));
    }

    /**
     * The password of a {@code user:password@} URL; secret.
     *
     * @return the password, when the URL carries {@code user:password}
     */
    public Optional<String> password() {
        return userInfo.filter(u -> u.indexOf(':') >= 0).map(u -> u.substring(u.indexOf(':') + 1));
    }

    /**
     * The token of a {@code token@} URL; secret.
     *
     * @return the token, when the URL's user part has no colon
     */
    public Optional<String> token() {
        return userInfo.filter(u -> u.indexOf(':') < 0);
    }

    /**
     * The host as it goes in a URL authority: IPv6 literals in brackets.
     *
     * @return host, bracketed when it is an IPv6 literal
     */
    public String hostForUrl() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    /**
     * The same server with another host (for example an IP learned from gossip).
     *
     * @param newHost the host
     * @return a copy with that host
     */
    public NatsUri withHost(String newHost) {
        return new NatsUri(scheme, newHost, port, path, userInfo);
    }

    /**
     * The URL with the password or token hidden; safe to show.
     *
     * @return for example {@code nats://alice:***@host:4222}
     */
    public String redacted() {
        String auth = userInfo.map(u -> u.indexOf(':') >= 0 ? u.substring(0, u.indexOf(':')) + ":***@" : "***@")
                .orElse("");
        return scheme + "://" + auth + hostForUrl() + ":" + port + path;
    }

    /**
     * The URL including its credentials; for re-parsing only, never for display.
     *
     * @return the full URL
     */
    public String full() {
        return scheme + "://" + userInfo.map(u -> u + "@").orElse("") + hostForUrl() + ":" + port + path;
    }

    /** The redacted form. */
    @Override
    public String toString() {
        return redacted();
    }

    /** Hides whatever sits between {@code ://} and the last {@code @} of unparsed text. */
    private static String redact(String text) {
        int at = text.lastIndexOf('@');
        int start = text.indexOf("://");
        if (at < 0) {
            return text;
        }
        return (start >= 0 && start < at ? text.substring(0, start + 3) : "") + "***" + text.substring(at);
    }
}
