package io.nats4j.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An immutable description of a {@code nats-server} configuration, rendered to a config file when a
 * {@link NatsServer} starts.
 *
 * <p>If nothing is set, the server listens on an ephemeral loopback client port with no
 * authentication, no TLS, no WebSocket, no monitoring and no JetStream. Every listener the config
 * enables also uses an ephemeral port; {@link NatsServer} learns the real ports from the server's
 * log and keeps them across {@link NatsServer#restart()}.
 *
 * <pre>{@code
 * NatsServerConfig cfg = NatsServerConfig.builder()
 *     .user("alice", "s3cret")
 *     .tls(TestCertificates.generate())
 *     .monitoring()
 *     .build();
 * try (NatsServer server = NatsServer.start(cfg)) {
 *     connect(server.url());
 * }
 * }</pre>
 *
 * <p>One config may start several servers (as {@link NatsCluster} does): everything that must differ
 * per server, such as the JetStream store directory, is placed in that server's own temporary
 * directory. {@link #toString()} never shows passwords, tokens or JWTs.
 */
public final class NatsServerConfig {

    private final int port;
    private final String user;
    private final String password;
    private final String token;
    private final List<User> users;
    private final String operatorJwt;
    private final String systemAccount;
    private final Map<String, String> accountJwts;
    private final TestCertificates tls;
    private final boolean verifyClientCerts;
    private final boolean websocket;
    private final boolean websocketTls;
    private final boolean websocketCompression;
    private final List<String> websocketOrigins;
    private final boolean monitoring;
    private final boolean jetstream;
    private final long maxPayload;
    private final int maxConnections;
    private final Duration pingInterval;
    private final int maxPingsOut;
    private final Duration writeDeadline;
    private final Duration lameDuckDuration;
    private final Duration lameDuckGracePeriod;
    private final List<String> extras;

    private NatsServerConfig(Builder b) {
        this.port = b.port;
        this.user = b.user;
        this.password = b.password;
        this.token = b.token;
        this.users = List.copyOf(b.users);
        this.operatorJwt = b.operatorJwt;
        this.systemAccount = b.systemAccount;
        this.accountJwts = Collections.unmodifiableMap(new LinkedHashMap<>(b.accountJwts));
        this.tls = b.tls;
        this.verifyClientCerts = b.verifyClientCerts;
        this.websocket = b.websocket;
        this.websocketTls = b.websocketTls;
        this.websocketCompression = b.websocketCompression;
        this.websocketOrigins = List.copyOf(b.websocketOrigins);
        this.monitoring = b.monitoring;
        this.jetstream = b.jetstream;
        this.maxPayload = b.maxPayload;
        this.maxConnections = b.maxConnections;
        this.pingInterval = b.pingInterval;
        this.maxPingsOut = b.maxPingsOut;
        this.writeDeadline = b.writeDeadline;
        this.lameDuckDuration = b.lameDuckDuration;
        this.lameDuckGracePeriod = b.lameDuckGracePeriod;
        this.extras = List.copyOf(b.extras);
    }

    /**
     * Returns a new builder with every setting at its default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the default config: an ephemeral loopback client port and nothing else.
     *
     * @return the default config
     */
    public static NatsServerConfig defaults() {
        return new Builder().build();
    }

    /**
     * Returns the certificates the server uses for TLS, if TLS is configured.
     *
     * @return the certificates, or {@code null} when TLS is off
     */
    TestCertificates certificates() {
        return tls;
    }

    /**
     * Tells whether the client listener requires TLS.
     *
     * @return {@code true} if {@link Builder#tls(TestCertificates)} was set
     */
    public boolean isTls() {
        return tls != null;
    }

    /**
     * Tells whether a WebSocket listener is configured.
     *
     * @return {@code true} if {@link Builder#websocket(boolean)} was set
     */
    public boolean isWebsocket() {
        return websocket;
    }

    /**
     * Tells whether the WebSocket listener uses TLS ({@code wss://}).
     *
     * @return {@code true} for {@code wss://}, {@code false} for {@code ws://} or no WebSocket
     */
    public boolean isWebsocketTls() {
        return websocket && websocketTls;
    }

    /**
     * Tells whether the HTTP monitoring listener is configured.
     *
     * @return {@code true} if {@link Builder#monitoring()} was set
     */
    public boolean isMonitoring() {
        return monitoring;
    }

    /** Tells whether the client port was fixed rather than ephemeral. */
    boolean hasFixedPort() {
        return port != 0;
    }

    /**
     * Tells whether {@code max_connections} is configured.
     *
     * @return {@code true} if a connection limit was set
     */
    boolean hasConnectionLimit() {
        return maxConnections > 0;
    }

    /**
     * Renders the configuration file text for a server whose working directory is {@code workDir}
     * and whose listeners use ephemeral ports.
     *
     * <p>The text contains the secrets of the config (passwords, tokens, JWTs): do not log it.
     *
     * @param workDir the server's working directory; the JetStream store and the operator JWT
     *     file are placed under it
     * @return the config file text
     * @throws NullPointerException if {@code workDir} is null
     */
    public String render(Path workDir) {
        Objects.requireNonNull(workDir, "workDir");
        return render(workDir, Ports.EPHEMERAL, null);
    }

    /** Ports to render; -1 asks nats-server for an ephemeral one. */
    record Ports(int client, int websocket, int http, int cluster) {
        static final Ports EPHEMERAL = new Ports(-1, -1, -1, -1);
    }

    /** The per-node settings of a cluster member. */
    record ClusterSettings(String clusterName, String serverName, List<Integer> routePorts) {
    }

    /** The file the operator JWT is written to, relative to the server's working directory. */
    static final String OPERATOR_JWT_FILE = "operator.jwt";

    String render(Path workDir, Ports ports, ClusterSettings cluster) {
        StringBuilder sb = new StringBuilder(512);
        sb.append("# generated by io.nats4j.testing\n");
        sb.append("host: 127.0.0.1\n");
        int clientPort = ports.client() >= 0 ? ports.client() : (port == 0 ? -1 : port);
        sb.append("port: ").append(clientPort).append('\n');
        if (cluster != null) {
            sb.append("server_name: ").append(quote(cluster.serverName())).append('\n');
        }
        if (maxPayload > 0) {
            sb.append("max_payload: ").append(maxPayload).append('\n');
        }
        if (maxConnections > 0) {
            sb.append("max_connections: ").append(maxConnections).append('\n');
        }
        if (pingInterval != null) {
            sb.append("ping_interval: ").append(quote(pingInterval.toMillis() + "ms")).append('\n');
        }
        if (maxPingsOut > 0) {
            sb.append("ping_max: ").append(maxPingsOut).append('\n');
        }
        if (writeDeadline != null) {
            sb.append("write_deadline: ").append(quote(writeDeadline.toMillis() + "ms")).append('\n');
        }
        if (lameDuckDuration != null) {
            sb.append("lame_duck_duration: ").append(quote(lameDuckDuration.toMillis() + "ms")).append('\n');
        }
        if (lameDuckGracePeriod != null) {
            sb.append("lame_duck_grace_period: ")
                .append(quote(lameDuckGracePeriod.toMillis() + "ms")).append('\n');
        }
        if (monitoring || cluster != null) {
            sb.append("http: ").append(quote("127.0.0.1:" + ports.http())).append('\n');
        }
        if (tls != null) {
            sb.append("tls {\n");
            tlsFiles(sb, "  ");
            sb.append("  ca_file: ").append(quote(tls.caCert().toString())).append('\n');
            if (verifyClientCerts) {
                sb.append("  verify: true\n");
            }
            sb.append("  timeout: 5\n");
            sb.append("}\n");
        }
        if (websocket) {
            sb.append("websocket {\n");
            sb.append("  host: 127.0.0.1\n");
            sb.append("  port: ").append(ports.websocket()).append('\n');
            if (websocketTls) {
                sb.append("  tls {\n");
                tlsFiles(sb, "    ");
                sb.append("    ca_file: ").append(quote(tls.caCert().toString())).append('\n');
                if (verifyClientCerts) {
                    sb.append("    verify: true\n"); // tls(certs, true) asks for client certificates on wss:// too
                }
                sb.append("  }\n");
            } else {
                sb.append("  no_tls: true\n");
            }
            if (websocketCompression) {
                sb.append("  compression: true\n");
            }
            if (!websocketOrigins.isEmpty()) {
                sb.append("  allowed_origins: [")
                    .append(websocketOrigins.stream().map(NatsServerConfig::quote).collect(Collectors.joining(", ")))
                    .append("]\n");
            }
            sb.append("}\n");
        }
        renderAuth(sb);
        if (operatorJwt != null) {
            sb.append("operator: ").append(quote(workDir.resolve(OPERATOR_JWT_FILE).toString())).append('\n');
            sb.append("system_account: ").append(quote(systemAccount)).append('\n');
            sb.append("resolver: MEMORY\n");
            sb.append("resolver_preload: {\n");
            for (Map.Entry<String, String> e : accountJwts.entrySet()) {
                sb.append("  ").append(e.getKey()).append(": ").append(quote(e.getValue())).append('\n');
            }
            sb.append("}\n");
        }
        if (jetstream) {
            sb.append("jetstream {\n");
            sb.append("  store_dir: ").append(quote(workDir.resolve("jetstream").toString())).append('\n');
            sb.append("  max_memory_store: 64MB\n");
            sb.append("  max_file_store: 256MB\n");
            sb.append("}\n");
        }
        if (cluster != null) {
            sb.append("cluster {\n");
            sb.append("  name: ").append(quote(cluster.clusterName())).append('\n');
            sb.append("  host: 127.0.0.1\n");
            sb.append("  port: ").append(ports.cluster()).append('\n');
            if (!cluster.routePorts().isEmpty()) {
                sb.append("  routes: [\n");
                for (int routePort : cluster.routePorts()) {
                    sb.append("    ").append(quote("nats-route://127.0.0.1:" + routePort)).append('\n');
                }
                sb.append("  ]\n");
            }
            sb.append("}\n");
        }
        for (String extra : extras) {
            sb.append(extra);
            if (!extra.endsWith("\n")) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    String operatorJwt() {
        return operatorJwt;
    }

    private void tlsFiles(StringBuilder sb, String indent) {
        sb.append(indent).append("cert_file: ").append(quote(tls.serverCert().toString())).append('\n');
        sb.append(indent).append("key_file: ").append(quote(tls.serverKey().toString())).append('\n');
    }

    private void renderAuth(StringBuilder sb) {
        if (user == null && token == null && users.isEmpty()) {
            return;
        }
        sb.append("authorization {\n");
        if (user != null) {
            sb.append("  user: ").append(quote(user)).append('\n');
            sb.append("  password: ").append(quote(password)).append('\n');
        }
        if (token != null) {
            sb.append("  token: ").append(quote(token)).append('\n');
        }
        if (!users.isEmpty()) {
            sb.append("  users: [\n");
            for (User u : users) {
                sb.append("    {");
                if (u.nkey != null) {
                    sb.append(" nkey: ").append(quote(u.nkey));
                } else {
                    sb.append(" user: ").append(quote(u.name)).append(", password: ").append(quote(u.password));
                }
                if (u.hasPermissions()) {
                    sb.append(", permissions: {");
                    permission(sb, "publish", u.publishAllow, u.publishDeny);
                    permission(sb, "subscribe", u.subscribeAllow, u.subscribeDeny);
                    sb.append(" }");
                }
                sb.append(" }\n");
            }
            sb.append("  ]\n");
        }
        sb.append("}\n");
    }

    private static void permission(StringBuilder sb, String kind, List<String> allow, List<String> deny) {
        if (allow == null && deny == null) {
            return;
        }
        if (sb.charAt(sb.length() - 1) != '{') {
            sb.append(','); // publish and subscribe blocks are members of one map
        }
        sb.append(' ').append(kind).append(": {");
        if (allow != null) {
            sb.append(" allow: ").append(list(allow));
        }
        if (deny != null) {
            sb.append(allow != null ? "," : "").append(" deny: ").append(list(deny));
        }
        sb.append(" }");
    }

    private static String list(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(quote(items.get(i)));
        }
        return sb.append(']').toString();
    }

    /** Quotes a value for the nats-server config grammar, whose quoted strings take backslash escapes. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Describes the config without any secret.
     *
     * @return a description listing the enabled features
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("NatsServerConfig[port=").append(port == 0 ? "ephemeral" : port);
        if (user != null) {
            sb.append(", user=").append(user).append(", password=***");
        }
        if (token != null) {
            sb.append(", token=***");
        }
        if (!users.isEmpty()) {
            sb.append(", users=").append(users.size());
        }
        if (operatorJwt != null) {
            sb.append(", operator, accounts=").append(accountJwts.size());
        }
        if (tls != null) {
            sb.append(verifyClientCerts ? ", mutual-tls" : ", tls");
        }
        if (websocket) {
            sb.append(websocketTls ? ", wss" : ", ws");
            sb.append(websocketCompression ? "+deflate" : "");
        }
        if (monitoring) {
            sb.append(", monitoring");
        }
        if (jetstream) {
            sb.append(", jetstream");
        }
        if (!extras.isEmpty()) {
            sb.append(", extras=").append(extras.size());
        }
        return sb.append(']').toString();
    }

    /**
     * One entry of the {@code authorization.users} list: a user/password pair or an NKey public key,
     * with optional publish and subscribe permissions. Immutable; the permission methods return a copy.
     *
     * <p>{@link #toString()} never shows the password.
     */
    public static final class User {
        private final String name;
        private final String password;
        private final String nkey;
        private final List<String> publishAllow;
        private final List<String> publishDeny;
        private final List<String> subscribeAllow;
        private final List<String> subscribeDeny;

        private User(String name, String password, String nkey, List<String> publishAllow,
                List<String> publishDeny, List<String> subscribeAllow, List<String> subscribeDeny) {
            this.name = name;
            this.password = password;
            this.nkey = nkey;
            this.publishAllow = publishAllow;
            this.publishDeny = publishDeny;
            this.subscribeAllow = subscribeAllow;
            this.subscribeDeny = subscribeDeny;
        }

        /**
         * Returns a user that authenticates with a name and password.
         *
         * @param name the user name; not empty
         * @param password the password; not empty
         * @return the user, with no permission restrictions
         * @throws IllegalArgumentException if either value is null or empty
         */
        public static User of(String name, String password) {
            return new User(nonEmpty(name, "user name"), nonEmpty(password, "password"), null,
                null, null, null, null);
        }

        /**
         * Returns a user that authenticates by signing the server's nonce with an NKey.
         *
         * @param publicKey the user's public NKey (starts with {@code U})
         * @return the user, with no permission restrictions
         * @throws IllegalArgumentException if the key is null, empty or not a user public key
         */
        public static User nkey(String publicKey) {
            nonEmpty(publicKey, "nkey public key");
            if (publicKey.charAt(0) != 'U') {
                throw new IllegalArgumentException("an NKey user needs a user public key (starting with 'U')");
            }
            return new User(null, null, publicKey, null, null, null, null);
        }

        /**
         * Returns a copy of this user allowed to publish only to the given subjects.
         *
         * @param subjects the allowed subjects (wildcards allowed)
         * @return a copy with the publish allow list set
         * @throws IllegalArgumentException if the list is null or holds an empty subject
         */
        public User publishAllow(List<String> subjects) {
            return new User(name, password, nkey, subjects(subjects), publishDeny, subscribeAllow, subscribeDeny);
        }

        /**
         * Returns a copy of this user denied publishing to the given subjects.
         *
         * @param subjects the denied subjects (wildcards allowed)
         * @return a copy with the publish deny list set
         * @throws IllegalArgumentException if the list is null or holds an empty subject
         */
        public User publishDeny(List<String> subjects) {
            return new User(name, password, nkey, publishAllow, subjects(subjects), subscribeAllow, subscribeDeny);
        }

        /**
         * Returns a copy of this user allowed to subscribe only to the given subjects.
         *
         * @param subjects the allowed subjects (wildcards allowed)
         * @return a copy with the subscribe allow list set
         * @throws IllegalArgumentException if the list is null or holds an empty subject
         */
        public User subscribeAllow(List<String> subjects) {
            return new User(name, password, nkey, publishAllow, publishDeny, subjects(subjects), subscribeDeny);
        }

        /**
         * Returns a copy of this user denied subscribing to the given subjects.
         *
         * @param subjects the denied subjects (wildcards allowed)
         * @return a copy with the subscribe deny list set
         * @throws IllegalArgumentException if the list is null or holds an empty subject
         */
        public User subscribeDeny(List<String> subjects) {
            return new User(name, password, nkey, publishAllow, publishDeny, subscribeAllow, subjects(subjects));
        }

        private boolean hasPermissions() {
            return publishAllow != null || publishDeny != null || subscribeAllow != null || subscribeDeny != null;
        }

        private static List<String> subjects(List<String> subjects) {
            if (subjects == null) {
                throw new IllegalArgumentException("subject list must not be null");
            }
            for (String s : subjects) {
                if (s == null || s.isBlank()) {
                    throw new IllegalArgumentException("permission subjects must not be null or blank");
                }
            }
            return List.copyOf(subjects);
        }

        /**
         * Describes the user without the password.
         *
         * @return the user name or NKey, and whether permissions are set
         */
        @Override
        public String toString() {
            return "User[" + (nkey != null ? "nkey=" + nkey : "name=" + name + ", password=***")
                + (hasPermissions() ? ", permissions" : "") + "]";
        }
    }

    private static String nonEmpty(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be null or empty");
        }
        return value;
    }

    private static Duration positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration");
        }
        return d;
    }

    /**
     * Builds a {@link NatsServerConfig}. Not thread-safe. Every setter returns this builder.
     */
    public static final class Builder {
        private int port;
        private String user;
        private String password;
        private String token;
        private final List<User> users = new ArrayList<>();
        private String operatorJwt;
        private String systemAccount;
        private final Map<String, String> accountJwts = new LinkedHashMap<>();
        private TestCertificates tls;
        private boolean verifyClientCerts;
        private boolean websocket;
        private boolean websocketTls;
        private boolean websocketCompression;
        private final List<String> websocketOrigins = new ArrayList<>();
        private boolean monitoring;
        private boolean jetstream;
        private long maxPayload;
        private int maxConnections;
        private Duration pingInterval;
        private int maxPingsOut;
        private Duration writeDeadline;
        private Duration lameDuckDuration;
        private Duration lameDuckGracePeriod;
        private final List<String> extras = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the client port. Default 0: an ephemeral port chosen by the server.
         *
         * <p>Pitfall: a fixed port makes parallel test runs collide; prefer 0.
         *
         * @param port 0 for ephemeral, or 1..65535
         * @return this builder
         * @throws IllegalArgumentException if the port is out of range
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 (ephemeral) or 1..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Requires every client to log in with this single user and password. Default: no auth.
         *
         * @param user the user name; not empty
         * @param password the password; not empty
         * @return this builder
         * @throws IllegalArgumentException if either value is null or empty
         */
        public Builder user(String user, String password) {
            this.user = nonEmpty(user, "user");
            this.password = nonEmpty(password, "password");
            return this;
        }

        /**
         * Requires every client to present this token. Default: no auth.
         *
         * @param token the token; not empty
         * @return this builder
         * @throws IllegalArgumentException if the token is null or empty
         */
        public Builder token(String token) {
            this.token = nonEmpty(token, "token");
            return this;
        }

        /**
         * Adds users (passwords or NKeys, with optional permissions) to the {@code authorization.users}
         * list. Default: none.
         *
         * @param users the users to add
         * @return this builder
         * @throws IllegalArgumentException if the list or an element is null
         */
        public Builder users(List<User> users) {
            // List.of(...).contains(null) throws, so look for null by hand
            if (users == null || users.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("users must not be null or contain null");
            }
            this.users.addAll(users);
            return this;
        }

        /**
         * Enables decentralized JWT auth: trusts the operator, and preloads the given accounts into a
         * {@code MEMORY} resolver. Default: off.
         *
         * @param operatorJwt the operator JWT (written to a file in the server's temp directory)
         * @param systemAccountPublicKey the system account's public key (starts with {@code A})
         * @param accountPublicKeyToJwt each account's public key to its JWT; should include the
         *     system account
         * @return this builder
         * @throws IllegalArgumentException if a value is null or empty
         */
        public Builder operator(String operatorJwt, String systemAccountPublicKey,
                Map<String, String> accountPublicKeyToJwt) {
            this.operatorJwt = nonEmpty(operatorJwt, "operator JWT");
            this.systemAccount = nonEmpty(systemAccountPublicKey, "system account public key");
            if (accountPublicKeyToJwt == null) {
                throw new IllegalArgumentException("account JWT map must not be null");
            }
            accountPublicKeyToJwt.forEach((k, v) -> {
                nonEmpty(k, "account public key");
                nonEmpty(v, "account JWT");
                if (!k.chars().allMatch(Character::isLetterOrDigit)) {
                    throw new IllegalArgumentException("account public key must be alphanumeric: " + k);
                }
            });
            this.accountJwts.clear();
            this.accountJwts.putAll(accountPublicKeyToJwt);
            return this;
        }

        /**
         * Requires TLS on the client port with the server certificate of {@code certs}, not
         * verifying client certificates. Default: no TLS.
         *
         * @param certs the certificates to use
         * @return this builder
         * @throws IllegalArgumentException if {@code certs} is null
         */
        public Builder tls(TestCertificates certs) {
            return tls(certs, false);
        }

        /**
         * Requires TLS on the client port with the server certificate of {@code certs}, optionally
         * also requiring a client certificate signed by its CA (mutual TLS), on the client port and on a
         * {@code wss://} WebSocket listener alike. Default: no TLS.
         *
         * @param certs the certificates to use
         * @param verifyClientCertificates {@code true} to require and verify client certificates
         * @return this builder
         * @throws IllegalArgumentException if {@code certs} is null
         */
        public Builder tls(TestCertificates certs, boolean verifyClientCertificates) {
            if (certs == null) {
                throw new IllegalArgumentException("certificates must not be null");
            }
            this.tls = certs;
            this.verifyClientCerts = verifyClientCertificates;
            return this;
        }

        /**
         * Adds a WebSocket listener on an ephemeral loopback port. With {@code tls} it uses the
         * certificates given to {@link #tls(TestCertificates)}, which must then be set.
         *
         * @param tls {@code true} for {@code wss://}, {@code false} for plain {@code ws://}
         * @return this builder
         */
        public Builder websocket(boolean tls) {
            this.websocket = true;
            this.websocketTls = tls;
            return this;
        }

        /**
         * Lets the WebSocket listener agree to {@code permessage-deflate} (RFC 7692) with clients that
         * offer it ({@code websocket { compression: true }}). Default: off. Needs
         * {@link #websocket(boolean)}.
         *
         * @param on whether the server compresses for clients that ask
         * @return this builder
         */
        public Builder websocketCompression(boolean on) {
            this.websocketCompression = on;
            return this;
        }

        /**
         * Lets the WebSocket listener accept only upgrades whose {@code Origin} header is one of these
         * ({@code allowed_origins}); others get {@code 403}. A request without {@code Origin} is
         * accepted, as nats-server does. Default: any origin. Needs {@link #websocket(boolean)}.
         *
         * @param origins origins such as {@code "https://app.example"}
         * @return this builder
         * @throws IllegalArgumentException if an origin is null or empty
         */
        public Builder websocketAllowedOrigins(String... origins) {
            for (String o : origins) {
                websocketOrigins.add(nonEmpty(o, "origin"));
            }
            return this;
        }

        /**
         * Adds the HTTP monitoring listener ({@code /varz}, {@code /connz}, {@code /routez}) on an
         * ephemeral loopback port. Default: off (always on for cluster nodes).
         *
         * @return this builder
         */
        public Builder monitoring() {
            this.monitoring = true;
            return this;
        }

        /**
         * Enables JetStream, storing into the server's temporary directory. Default: off.
         *
         * @return this builder
         */
        public Builder jetstream() {
            this.jetstream = true;
            return this;
        }

        /**
         * Sets {@code max_payload}. Default: the server's (1 MiB).
         *
         * @param bytes the maximum message payload in bytes, positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxPayload(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("max payload must be positive, was " + bytes);
            }
            this.maxPayload = bytes;
            return this;
        }

        /**
         * Sets {@code max_connections}. Default: the server's (unlimited).
         *
         * <p>When set, {@link NatsServer} does not open a probe connection at start, so the whole
         * budget is left to the test.
         *
         * @param max the maximum number of client connections, positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxConnections(int max) {
            if (max <= 0) {
                throw new IllegalArgumentException("max connections must be positive, was " + max);
            }
            this.maxConnections = max;
            return this;
        }

        /**
         * Sets how often the server pings clients. Default: the server's (2 minutes).
         *
         * @param interval the ping interval, positive (millisecond precision)
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = positive(interval, "ping interval");
            return this;
        }

        /**
         * Sets how many unanswered pings the server tolerates before closing a client. Default: the
         * server's (2).
         *
         * @param max the maximum outstanding pings, positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxPingsOut(int max) {
            if (max <= 0) {
                throw new IllegalArgumentException("max pings out must be positive, was " + max);
            }
            this.maxPingsOut = max;
            return this;
        }

        /**
         * Sets how long a write to a client may block before the server marks it a slow consumer.
         * Default: the server's (10 s, 2 s in some versions).
         *
         * @param deadline the write deadline, positive (millisecond precision)
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder writeDeadline(Duration deadline) {
            this.writeDeadline = positive(deadline, "write deadline");
            return this;
        }

        /**
         * Sets the lame duck duration: the time over which clients are closed after
         * {@link NatsServer#lameDuck()}. Default: the server's (2 minutes).
         *
         * <p>Pitfall: nats-server refuses less than 30 s. A server with no clients left exits as soon
         * as it enters lame duck mode, so tests rarely wait for the whole duration.
         *
         * @param duration the lame duck duration, at least 30 s
         * @return this builder
         * @throws IllegalArgumentException if shorter than 30 s
         */
        public Builder lameDuckDuration(Duration duration) {
            positive(duration, "lame duck duration");
            if (duration.compareTo(Duration.ofSeconds(30)) < 0) {
                throw new IllegalArgumentException("nats-server needs a lame duck duration of at least 30 s, was "
                    + duration.toMillis() + " ms");
            }
            this.lameDuckDuration = duration;
            return this;
        }

        /**
         * Sets the lame duck grace period: the wait after entering lame duck mode before clients
         * start being closed. Default: the server's (10 s).
         *
         * @param period the grace period, positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder lameDuckGracePeriod(Duration period) {
            this.lameDuckGracePeriod = positive(period, "lame duck grace period");
            return this;
        }

        /**
         * Appends a raw snippet to the config file, verbatim, after everything else. May be called
         * several times.
         *
         * @param rawConfigSnippet config text in nats-server syntax
         * @return this builder
         * @throws IllegalArgumentException if the snippet is null
         */
        public Builder extra(String rawConfigSnippet) {
            if (rawConfigSnippet == null) {
                throw new IllegalArgumentException("config snippet must not be null");
            }
            this.extras.add(rawConfigSnippet);
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the immutable config
         * @throws IllegalArgumentException if settings conflict: a token together with users, a single
         *     user together with a users list, auth blocks together with an operator, or a
         *     {@code wss://} listener without TLS certificates
         */
        public NatsServerConfig build() {
            if (token != null && (user != null || !users.isEmpty())) {
                throw new IllegalArgumentException("a token cannot be combined with users");
            }
            if (user != null && !users.isEmpty()) {
                throw new IllegalArgumentException(
                    "user(name, password) cannot be combined with users(...); add it to the list instead");
            }
            if (operatorJwt != null && (user != null || token != null || !users.isEmpty())) {
                throw new IllegalArgumentException("operator (JWT) auth cannot be combined with user, token or users");
            }
            if (websocketCompression && !websocket) {
                throw new IllegalArgumentException("websocketCompression(true) needs websocket(...) to be set");
            }
            if (websocket && websocketTls && tls == null) {
                throw new IllegalArgumentException("websocket(true) needs tls(certs) to be set");
            }
            return new NatsServerConfig(this);
        }
    }
}
