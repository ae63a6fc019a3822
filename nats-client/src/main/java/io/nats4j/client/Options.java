package io.nats4j.client;

import io.nats4j.client.internal.ClientAccess;
import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.spi.Authenticator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import javax.net.ssl.SSLContext;

/**
 * Immutable connection settings, built once with {@link #builder()}.
 *
 * <pre>{@code
 * Options options = Options.builder()
 *     .servers("nats://a:4222", "nats://b:4222")
 *     .connectionName("orders")
 *     .maxReconnects(-1)
 *     .build();
 * }</pre>
 *
 * <p>{@link #toString()} never shows a password, token, seed or JWT. Every builder method rejects bad
 * input (null included) at once with a {@link NatsIllegalArgumentException} naming the option; timeouts,
 * intervals and waits are at most 365 days.
 */
public final class Options {

    /** Default server URL. */
    public static final String DEFAULT_URL = "nats://localhost:4222";

    private final List<NatsUri> servers;
    private final Optional<String> connectionName;
    private final Duration connectTimeout;
    private final Duration writeTimeout;
    private final Duration pingInterval;
    private final int maxPingsOut;
    private final Duration reconnectWait;
    private final int maxReconnects;
    private final Duration reconnectJitter;
    private final Duration reconnectJitterTls;
    private final long reconnectBufferSize;
    private final boolean retryOnFailedConnect;
    private final boolean noRandomize;
    private final boolean noEcho;
    private final boolean ignoreDiscoveredServers;
    private final boolean verbose;
    private final boolean pedantic;
    private final Optional<String> user;
    private final Optional<String> password;
    private final Optional<String> token;
    private final Optional<Path> credentials;
    private final Optional<Authenticator> authenticator;
    private final String authenticatorKind;
    private final Optional<SSLContext> sslContext;
    private final boolean tlsHandshakeFirst;
    private final boolean hostnameVerification;
    private final Optional<ConnectionListener> connectionListener;
    private final Optional<ErrorListener> errorListener;
    private final String inboxPrefix;
    private final long pendingMessageLimit;
    private final long pendingByteLimit;
    private final int maxControlLine;
    private final Optional<Executor> executor;
    private final Optional<ThreadFactory> threadFactory;
    private final List<Object> transportOptions;

    private Options(Builder b) {
        this.servers = b.servers.isEmpty() ? List.of(NatsUri.parse(DEFAULT_URL)) : List.copyOf(b.servers);
        this.connectionName = Optional.ofNullable(b.connectionName);
        this.connectTimeout = b.connectTimeout;
        this.writeTimeout = b.writeTimeout;
        this.pingInterval = b.pingInterval;
        this.maxPingsOut = b.maxPingsOut;
        this.reconnectWait = b.reconnectWait;
        this.maxReconnects = b.maxReconnects;
        this.reconnectJitter = b.reconnectJitter;
        this.reconnectJitterTls = b.reconnectJitterTls;
        this.reconnectBufferSize = b.reconnectBufferSize;
        this.retryOnFailedConnect = b.retryOnFailedConnect;
        this.noRandomize = b.noRandomize;
        this.noEcho = b.noEcho;
        this.ignoreDiscoveredServers = b.ignoreDiscoveredServers;
        this.verbose = b.verbose;
        this.pedantic = b.pedantic;
        this.user = Optional.ofNullable(b.user);
        this.password = Optional.ofNullable(b.password);
        this.token = Optional.ofNullable(b.token);
        this.credentials = Optional.ofNullable(b.credentials);
        this.authenticator = Optional.ofNullable(b.authenticator);
        this.authenticatorKind = b.authenticatorKind;
        this.sslContext = Optional.ofNullable(b.sslContext);
        this.tlsHandshakeFirst = b.tlsHandshakeFirst;
        this.hostnameVerification = b.hostnameVerification;
        this.connectionListener = Optional.ofNullable(b.connectionListener);
        this.errorListener = Optional.ofNullable(b.errorListener);
        this.inboxPrefix = b.inboxPrefix;
        this.pendingMessageLimit = b.pendingMessageLimit;
        this.pendingByteLimit = b.pendingByteLimit;
        this.maxControlLine = b.maxControlLine;
        this.executor = Optional.ofNullable(b.executor);
        this.threadFactory = Optional.ofNullable(b.threadFactory);
        this.transportOptions = List.copyOf(b.transportOptions);
    }

    /**
     * A new builder with every default.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options, to derive changed ones.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@return the configured servers, in the given order} */
    public List<NatsUri> servers() {
        return servers;
    }

    /** {@return the connection name sent in CONNECT} */
    public Optional<String> connectionName() {
        return connectionName;
    }

    /** {@return the connect timeout} */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@return the write stall deadline} */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** {@return the client PING interval} */
    public Duration pingInterval() {
        return pingInterval;
    }

    /** {@return PINGs without PONG that make the connection stale} */
    public int maxPingsOut() {
        return maxPingsOut;
    }

    /** {@return the wait between reconnect attempts to one server} */
    public Duration reconnectWait() {
        return reconnectWait;
    }

    /** {@return reconnect attempts per server; -1 forever, 0 never reconnect} */
    public int maxReconnects() {
        return maxReconnects;
    }

    /** {@return the random extra wait added for plain connections} */
    public Duration reconnectJitter() {
        return reconnectJitter;
    }

    /** {@return the random extra wait added for TLS connections} */
    public Duration reconnectJitterTls() {
        return reconnectJitterTls;
    }

    /** {@return bytes of publishes buffered while disconnected} */
    public long reconnectBufferSize() {
        return reconnectBufferSize;
    }

    /** {@return whether connect returns at once and retries in the background} */
    public boolean retryOnFailedConnect() {
        return retryOnFailedConnect;
    }

    /** {@return whether the server pool keeps its order} */
    public boolean noRandomize() {
        return noRandomize;
    }

    /** {@return whether our own publishes are not delivered to our subscriptions} */
    public boolean noEcho() {
        return noEcho;
    }

    /** {@return whether servers from INFO {@code connect_urls} are ignored} */
    public boolean ignoreDiscoveredServers() {
        return ignoreDiscoveredServers;
    }

    /** {@return whether the server acknowledges every op with +OK} */
    public boolean verbose() {
        return verbose;
    }

    /** {@return whether the server checks ops strictly} */
    public boolean pedantic() {
        return pedantic;
    }

    /** {@return the user name} */
    public Optional<String> user() {
        return user;
    }

    /** {@return the password; secret} */
    public Optional<String> password() {
        return password;
    }

    /** {@return the token; secret} */
    public Optional<String> token() {
        return token;
    }

    /** {@return the credentials file} */
    public Optional<Path> credentials() {
        return credentials;
    }

    /** {@return the authenticator: the one given, or the NKey signer made by {@code nkey(seed)}} */
    public Optional<Authenticator> authenticator() {
        return authenticator;
    }

    /** {@return the TLS context} */
    public Optional<SSLContext> sslContext() {
        return sslContext;
    }

    /** {@return whether TLS starts before the server's INFO} */
    public boolean tlsHandshakeFirst() {
        return tlsHandshakeFirst;
    }

    /** {@return whether server certificates are checked against the host name} */
    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    /** {@return the connection listener} */
    public Optional<ConnectionListener> connectionListener() {
        return connectionListener;
    }

    /** {@return the error listener} */
    public Optional<ErrorListener> errorListener() {
        return errorListener;
    }

    /** {@return the inbox prefix} */
    public String inboxPrefix() {
        return inboxPrefix;
    }

    /** {@return the default pending message limit per subscription} */
    public long pendingMessageLimit() {
        return pendingMessageLimit;
    }

    /** {@return the default pending byte limit per subscription} */
    public long pendingByteLimit() {
        return pendingByteLimit;
    }

    /** {@return the server's max_control_line assumed for what this client sends} */
    public int maxControlLine() {
        return maxControlLine;
    }

    /** {@return the executor that runs message handlers, when the application gave one} */
    public Optional<Executor> executor() {
        return executor;
    }

    /** {@return the factory of the default handler pool's threads, when the application gave one} */
    public Optional<ThreadFactory> threadFactory() {
        return threadFactory;
    }

    /** {@return transport-specific option records} */
    public List<Object> transportOptions() {
        return transportOptions;
    }

    @Override
    public String toString() {
        return "Options[servers=" + servers
                + ", name=" + connectionName.orElse("-")
                + ", connectTimeout=" + connectTimeout
                + ", pingInterval=" + pingInterval + "x" + maxPingsOut
                + ", reconnect=" + maxReconnects + "@" + reconnectWait
                + ", reconnectBufferSize=" + reconnectBufferSize
                + ", auth=" + (user.isPresent() ? "user " + user.get() : token.isPresent() ? "token"
                        : authenticator.isPresent() ? authenticatorKind
                        : credentials.isPresent() ? "creds " + credentials.get() : "none")
                + ", tls=" + (sslContext.isPresent() ? "context" : "default")
                + (hostnameVerification ? "" : " NO-HOSTNAME-VERIFICATION")
                + "]";
    }

    /**
     * Builds {@link Options}; every setting has a default, documented on its method.
     */
    public static final class Builder {
        /** Longest timeout, interval or wait accepted. */
        private static final Duration MAX_DURATION = Duration.ofDays(365);
        private final List<NatsUri> servers = new ArrayList<>();
        private String connectionName;
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration writeTimeout = Duration.ofSeconds(10);
        private Duration pingInterval = Duration.ofMinutes(2);
        private int maxPingsOut = 2;
        private Duration reconnectWait = Duration.ofSeconds(2);
        private int maxReconnects = 60;
        private Duration reconnectJitter = Duration.ofMillis(100);
        private Duration reconnectJitterTls = Duration.ofSeconds(1);
        private long reconnectBufferSize = 8L * 1024 * 1024;
        private boolean retryOnFailedConnect;
        private boolean noRandomize;
        private boolean noEcho;
        private boolean ignoreDiscoveredServers;
        private boolean verbose;
        private boolean pedantic;
        private String user;
        private String password;
        private String token;
        private Path credentials;
        private Authenticator authenticator;
        private String authenticatorKind;
        private SSLContext sslContext;
        private boolean tlsHandshakeFirst;
        private boolean hostnameVerification = true;
        private ConnectionListener connectionListener;
        private ErrorListener errorListener;
        private String inboxPrefix = "_INBOX";
        private long pendingMessageLimit = 512 * 1024;
        private long pendingByteLimit = 64L * 1024 * 1024;
        private int maxControlLine = 4096;
        private Executor executor;
        private ThreadFactory threadFactory;
        private final List<Object> transportOptions = new ArrayList<>();

        private Builder() {
        }

        private Builder(Options o) {
            servers.addAll(o.servers);
            connectionName = o.connectionName.orElse(null);
            connectTimeout = o.connectTimeout;
            writeTimeout = o.writeTimeout;
            pingInterval = o.pingInterval;
            maxPingsOut = o.maxPingsOut;
            reconnectWait = o.reconnectWait;
            maxReconnects = o.maxReconnects;
            reconnectJitter = o.reconnectJitter;
            reconnectJitterTls = o.reconnectJitterTls;
            reconnectBufferSize = o.reconnectBufferSize;
            retryOnFailedConnect = o.retryOnFailedConnect;
            noRandomize = o.noRandomize;
            noEcho = o.noEcho;
            ignoreDiscoveredServers = o.ignoreDiscoveredServers;
            verbose = o.verbose;
            pedantic = o.pedantic;
            user = o.user.orElse(null);
            password = o.password.orElse(null);
            token = o.token.orElse(null);
            credentials = o.credentials.orElse(null);
            authenticator = o.authenticator.orElse(null);
            authenticatorKind = o.authenticatorKind;
            sslContext = o.sslContext.orElse(null);
            tlsHandshakeFirst = o.tlsHandshakeFirst;
            hostnameVerification = o.hostnameVerification;
            connectionListener = o.connectionListener.orElse(null);
            errorListener = o.errorListener.orElse(null);
            inboxPrefix = o.inboxPrefix;
            pendingMessageLimit = o.pendingMessageLimit;
            pendingByteLimit = o.pendingByteLimit;
            maxControlLine = o.maxControlLine;
            executor = o.executor.orElse(null);
            threadFactory = o.threadFactory.orElse(null);
            transportOptions.addAll(o.transportOptions);
        }

        /**
         * Adds server URLs; one argument may itself be a comma-separated list. Default
         * {@code nats://localhost:4222} when none is given.
         *
         * @param url a URL or a comma-separated list of URLs
         * @return this
         * @throws NatsIllegalArgumentException on a malformed URL
         */
        public Builder server(String url) {
            servers.addAll(NatsUri.parseList(notNull(url, "server url")));
            return this;
        }

        /**
         * Adds server URLs.
         *
         * @param urls the URLs
         * @return this
         */
        public Builder servers(String... urls) {
            notNull(urls, "servers");
            for (String u : urls) {
                servers.addAll(NatsUri.parseList(notNull(u, "servers: a url")));
            }
            return this;
        }

        /**
         * Names the connection (shown by the server's monitoring). Default: none.
         *
         * @param name the name
         * @return this
         */
        public Builder connectionName(String name) {
            this.connectionName = name;
            return this;
        }

        /**
         * Bounds each connect: DNS, TCP, TLS and the INFO/CONNECT/PING/PONG handshake. Default 2 s.
         *
         * @param timeout the timeout
         * @return this
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * A socket write that makes no progress this long counts as a dead connection. Default 10 s.
         *
         * @param timeout the deadline
         * @return this
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = positive(timeout, "writeTimeout");
            return this;
        }

        /**
         * How often the client PINGs the server. Default 2 minutes.
         *
         * @param interval the interval
         * @return this
         */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = positive(interval, "pingInterval");
            return this;
        }

        /**
         * How many PINGs may go unanswered before the connection is stale. Default 2.
         *
         * @param max the count, at least 1
         * @return this
         */
        public Builder maxPingsOut(int max) {
            if (max < 1) {
                throw new NatsIllegalArgumentException("maxPingsOut must be at least 1, was " + max);
            }
            this.maxPingsOut = max;
            return this;
        }

        /**
         * Wait between two reconnect attempts to the same server. Default 2 s.
         *
         * @param wait the wait
         * @return this
         */
        public Builder reconnectWait(Duration wait) {
            this.reconnectWait = nonNegative(wait, "reconnectWait");
            return this;
        }

        /**
         * Reconnect attempts per server before it leaves the pool; -1 forever, 0 never reconnect.
         * Default 60.
         *
         * @param max the count
         * @return this
         */
        public Builder maxReconnects(int max) {
            if (max < -1) {
                throw new NatsIllegalArgumentException("maxReconnects must be -1 or more, was " + max);
            }
            this.maxReconnects = max;
            return this;
        }

        /**
         * Random extra wait added to {@link #reconnectWait}, so that many clients do not reconnect at
         * once. Default 100 ms plain, 1 s TLS.
         *
         * @param plain jitter for plain connections
         * @param tls jitter for TLS connections
         * @return this
         */
        public Builder reconnectJitter(Duration plain, Duration tls) {
            this.reconnectJitter = nonNegative(plain, "reconnectJitter");
            this.reconnectJitterTls = nonNegative(tls, "reconnectJitter(tls)");
            return this;
        }

        /**
         * Bytes of publishes held while reconnecting; beyond it publish fails. 0 disables buffering.
         * Default 8 MiB.
         *
         * @param bytes the size
         * @return this
         */
        public Builder reconnectBufferSize(long bytes) {
            if (bytes < 0) {
                throw new NatsIllegalArgumentException("reconnectBufferSize must not be negative, was " + bytes);
            }
            this.reconnectBufferSize = bytes;
            return this;
        }

        /**
         * When the first connect fails, return a connection anyway (status CONNECTING) and keep
         * trying in the background with the reconnect settings. Default off.
         *
         * @param retry whether to retry
         * @return this
         */
        public Builder retryOnFailedConnect(boolean retry) {
            this.retryOnFailedConnect = retry;
            return this;
        }

        /**
         * Keep the server pool in the given order instead of shuffling it. Default: shuffled.
         *
         * @return this
         */
        public Builder noRandomize() {
            this.noRandomize = true;
            return this;
        }

        /**
         * Do not deliver our own publishes to our own subscriptions. Default: echo on.
         *
         * @return this
         */
        public Builder noEcho() {
            this.noEcho = true;
            return this;
        }

        /**
         * Ignore cluster members announced by the server. Default: they join the pool.
         *
         * @return this
         */
        public Builder ignoreDiscoveredServers() {
            this.ignoreDiscoveredServers = true;
            return this;
        }

        /**
         * Ask the server to acknowledge every op with {@code +OK}. Default off (costly).
         *
         * @param verbose whether to ask
         * @return this
         */
        public Builder verbose(boolean verbose) {
            this.verbose = verbose;
            return this;
        }

        /**
         * Ask the server for strict checking of every op. Default off.
         *
         * @param pedantic whether to ask
         * @return this
         */
        public Builder pedantic(boolean pedantic) {
            this.pedantic = pedantic;
            return this;
        }

        /**
         * User and password authentication. Credentials in a URL take precedence for that server.
         *
         * @param user the user
         * @param password the password
         * @return this
         */
        public Builder userInfo(String user, String password) {
            this.user = notNull(user, "userInfo: user");
            this.password = notNull(password, "userInfo: password");
            return this;
        }

        /**
         * Token authentication.
         *
         * @param token the token
         * @return this
         */
        public Builder token(String token) {
            this.token = notNull(token, "token");
            return this;
        }

        /**
         * NKey authentication: the server's nonce is signed with this seed. Needs the
         * {@code io.nats4j:nats-auth} module on the class or module path. The seed goes straight into
         * the signer (the options keep no copy); the caller may wipe the array afterwards. Replaces
         * an {@link #authenticator} set before.
         *
         * @param seed the user seed ({@code SU...})
         * @return this
         * @throws io.nats4j.protocol.NatsException when {@code nats-auth} is missing, naming the artifact
         * @throws io.nats4j.protocol.NatsAuthException when the seed is malformed (without echoing it)
         */
        public Builder nkey(char[] seed) {
            this.authenticator = ClientAccess.nkeyAuthenticator(notNull(seed, "nkey: seed"));
            this.authenticatorKind = "nkey";
            return this;
        }

        /**
         * JWT authentication with a {@code .creds} file, read again on every connect. Needs the
         * {@code io.nats4j:nats-auth} module on the class or module path.
         *
         * @param credsFile the credentials file
         * @return this
         */
        public Builder credentials(Path credsFile) {
            this.credentials = notNull(credsFile, "credentials: credsFile");
            return this;
        }

        /**
         * A custom source of CONNECT credentials, called on every connect (for example to fetch a
         * fresh token). Takes precedence over the other auth settings; replaces an {@link #nkey} set before.
         *
         * @param authenticator the authenticator
         * @return this
         */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = notNull(authenticator, "authenticator");
            this.authenticatorKind = "custom";
            return this;
        }

        /**
         * Use TLS with this context (trust store, client certificate for mutual TLS). Setting it makes
         * TLS required. The server certificate's host name is verified unless
         * {@link #disableHostnameVerification()}. Default: TLS only when the URL is {@code tls://} or
         * the server requires it, with the JDK's default context.
         *
         * @param context the TLS context
         * @return this
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = notNull(context, "sslContext");
            return this;
        }

        /**
         * Start TLS right after the TCP connect, before the server's INFO (servers configured with
         * {@code handshake_first}). Default off.
         *
         * @return this
         */
        public Builder tlsHandshakeFirst() {
            this.tlsHandshakeFirst = true;
            return this;
        }

        /**
         * Dangerous: accept a server certificate whatever host name it names. Only for tests and
         * private networks where names cannot match; it allows man-in-the-middle attacks.
         *
         * @return this
         */
        public Builder disableHostnameVerification() {
            this.hostnameVerification = false;
            return this;
        }

        /**
         * Told about connection events. Default: none.
         *
         * @param listener the listener
         * @return this
         */
        public Builder connectionListener(ConnectionListener listener) {
            this.connectionListener = listener;
            return this;
        }

        /**
         * Told about asynchronous errors. Default: none.
         *
         * @param listener the listener
         * @return this
         */
        public Builder errorListener(ErrorListener listener) {
            this.errorListener = listener;
            return this;
        }

        /**
         * Prefix of inbox subjects ({@link Connection#newInbox()} and request replies). Default
         * {@code _INBOX}.
         *
         * @param prefix the prefix, a valid subject without wildcards
         * @return this
         */
        public Builder inboxPrefix(String prefix) {
            String p = notNull(prefix, "inboxPrefix");
            while (p.endsWith(".")) {
                p = p.substring(0, p.length() - 1);
            }
            if (p.isEmpty()) {
                throw new NatsIllegalArgumentException("inboxPrefix must not be empty, was '" + prefix + "'");
            }
            try {
                io.nats4j.protocol.Subjects.validatePublish(p);
            } catch (NatsIllegalArgumentException e) {
                throw new NatsIllegalArgumentException("inboxPrefix: " + e.getMessage());
            }
            this.inboxPrefix = p;
            return this;
        }

        /**
         * The server's {@code max_control_line}, which its INFO does not announce: a publish or
         * subscribe whose protocol line arguments (subject, reply or queue, sizes) would exceed it is
         * refused synchronously with a {@link NatsIllegalArgumentException}, instead of the server
         * closing the connection. Default 4096, nats-server's default; set it to what the servers are
         * configured with. Lines the server sends are not bounded by it.
         *
         * @param bytes the limit, from 256 to 16 MiB
         * @return this
         */
        public Builder maxControlLine(int bytes) {
            if (bytes < 256 || bytes > 16 * 1024 * 1024) {
                throw new NatsIllegalArgumentException("maxControlLine must be between 256 and 16 MiB, was " + bytes);
            }
            this.maxControlLine = bytes;
            return this;
        }

        /**
         * Default pending limits of each new subscription; 0 or less means no limit.
         * Default 512k messages and 64 MiB.
         *
         * @param messages most messages held
         * @param bytes most payload bytes held
         * @return this
         */
        public Builder pendingLimits(long messages, long bytes) {
            this.pendingMessageLimit = messages;
            this.pendingByteLimit = bytes;
            return this;
        }

        /**
         * The executor that runs message handlers, and completes {@code requestAsync} futures (for
         * example {@code Executors.newVirtualThreadPerTaskExecutor()} on JDK 21+). Each subscription
         * still gets its messages one at a time, in order, and submits at most one task at a time.
         * Default: the connection's own pool, threads {@code nats4j-dispatch-<id>-<n>} made on demand
         * (see {@link #threadFactory}) and ended after a minute idle, so a handler that blocks holds up
         * no other subscription. The application owns (and shuts down) an executor it gives.
         *
         * <p>Pitfall: with few threads, handlers that block (or call {@code request()} to a responder
         * on the same connection) hold up the subscriptions waiting for a thread.
         *
         * @param executor the executor
         * @return this
         */
        public Builder executor(Executor executor) {
            this.executor = notNull(executor, "executor");
            return this;
        }

        /**
         * Makes the threads of the default handler pool, when no {@link #executor} is given; for
         * example {@code Thread.ofVirtual().name("orders-", 0).factory()} on JDK 21+ for virtual
         * threads. Default: daemon platform threads named {@code nats4j-dispatch-<id>-<n>}.
         *
         * @param factory the thread factory
         * @return this
         */
        public Builder threadFactory(ThreadFactory factory) {
            this.threadFactory = notNull(factory, "threadFactory");
            return this;
        }

        /**
         * Adds a transport-specific option record (for example the TCP transport's socket options).
         *
         * @param option the record the transport understands
         * @return this
         */
        public Builder transportOption(Object option) {
            transportOptions.add(notNull(option, "transportOption"));
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public Options build() {
            return new Options(this);
        }

        private static Duration positive(Duration d, String what) {
            notNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new NatsIllegalArgumentException(what + " must be positive, was " + d);
            }
            return notTooLong(d, what);
        }

        private static Duration nonNegative(Duration d, String what) {
            notNull(d, what);
            if (d.isNegative()) {
                throw new NatsIllegalArgumentException(what + " must not be negative, was " + d);
            }
            return notTooLong(d, what);
        }

        /** Deadlines are computed in nanoseconds of {@code System.nanoTime()}: keep them far from overflow. */
        private static Duration notTooLong(Duration d, String what) {
            if (d.compareTo(MAX_DURATION) > 0) {
                throw new NatsIllegalArgumentException(what + " must be at most " + MAX_DURATION.toDays()
                        + " days, was " + d);
            }
            return d;
        }

        /** Null is bad input like any other: a clear error naming the option, not a bare NullPointerException. */
        private static <T> T notNull(T value, String what) {
            if (value == null) {
                throw new NatsIllegalArgumentException(what + " must not be null");
            }
            return value;
        }
    }
}
