package io.nats4j.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code nats-server} process on loopback, for tests.
 *
 * <p>Every listener uses an ephemeral port; the real ports are read from the server's log and kept
 * across {@link #restart()}, so a client can reconnect to the same URL. Each server has its own
 * temporary directory (config, log, JetStream store), deleted by {@link #close()}. {@code start}
 * returns only once the server accepts TCP connections and has sent {@code INFO}; every wait is
 * bounded, and a server that does not come up fails with its log in the exception message.
 *
 * <pre>{@code
 * try (NatsServer server = NatsServer.start()) {
 *     Connection c = Nats.connect(server.url());   // "nats://127.0.0.1:<port>"
 *     server.restart();                             // same port: the client reconnects
 * }
 * }</pre>
 *
 * <p>The binary is taken from the {@code NATS_SERVER} environment variable if set, else from
 * {@code PATH}. A JVM shutdown hook kills any server left running; rely on {@link #close()}
 * instead. Instances are thread-safe.
 *
 * <p>Pitfalls: unless {@link NatsServerConfig.Builder#maxConnections(int)} is set, {@code start}
 * and {@code restart} open (and close) one probe connection, which shows up in the server's
 * statistics. {@link #tlsUrl()} uses the host name {@code localhost}, which the default test
 * certificate names; {@link #url()} uses {@code 127.0.0.1}.
 */
public final class NatsServer implements AutoCloseable {

    /** The environment variable naming the {@code nats-server} binary to use. */
    public static final String BINARY_ENV = "NATS_SERVER";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern CLIENT = Pattern.compile("Listening for client connections on (\\S+):(\\d+)");
    private static final Pattern WEBSOCKET =
        Pattern.compile("Listening for websocket clients on (?:wss?://)?(\\S+):(\\d+)");
    private static final Pattern HTTP = Pattern.compile("Starting https? monitor on (\\S+):(\\d+)");
    private static final Pattern ROUTE = Pattern.compile("Listening for route connections on (\\S+):(\\d+)");
    private static final String READY = "Server is ready";

    private static volatile HttpClient http;

    private final NatsServerConfig config;
    private final Path workDir;
    private final Path configFile;
    private final Path logFile;
    private final Path outFile;
    private volatile NatsServerConfig.ClusterSettings cluster;

    private Process process;
    private volatile long pid = -1;
    private volatile NatsServerConfig.Ports ports;
    private volatile boolean closed;
    private String finalLog;

    private NatsServer(NatsServerConfig config, NatsServerConfig.ClusterSettings cluster) {
        this.config = config;
        this.cluster = cluster;
        this.workDir = Fixtures.tempDir("nats4j-server-");
        this.configFile = workDir.resolve("nats-server.conf");
        this.logFile = workDir.resolve("nats-server.log");
        this.outFile = workDir.resolve("nats-server.out");
    }

    /**
     * Starts a server with the default config (ephemeral client port, no auth).
     *
     * @return the running server
     * @throws NatsTestingException if the binary is missing or the server does not start within 10 s
     */
    public static NatsServer start() {
        return start(NatsServerConfig.defaults());
    }

    /**
     * Starts a server with the given config.
     *
     * @param config the server config
     * @return the running server
     * @throws IllegalArgumentException if {@code config} is null
     * @throws NatsTestingException if the binary is missing or the server does not start within 10 s
     */
    public static NatsServer start(NatsServerConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        return start(config, null);
    }

    static NatsServer start(NatsServerConfig config, NatsServerConfig.ClusterSettings cluster) {
        Path binary = binary();
        NatsServer server = new NatsServer(config, cluster);
        try {
            if (config.operatorJwt() != null) {
                Files.writeString(server.workDir.resolve(NatsServerConfig.OPERATOR_JWT_FILE), config.operatorJwt());
            }
            server.launch(binary, NatsServerConfig.Ports.EPHEMERAL);
            return server;
        } catch (IOException e) {
            server.close();
            throw new NatsTestingException("cannot write the nats-server files into " + server.workDir, e);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Tells whether a {@code nats-server} binary can be found, for tests that want to skip rather
     * than fail without one ({@code Assumptions.assumeTrue(NatsServer.isAvailable())}).
     *
     * @return {@code true} if {@link #binary()} would succeed
     */
    public static boolean isAvailable() {
        try {
            binary();
            return true;
        } catch (NatsTestingException e) {
            return false;
        }
    }

    /**
     * Finds the {@code nats-server} binary: the {@value #BINARY_ENV} environment variable if set,
     * else the first {@code nats-server} on {@code PATH}.
     *
     * @return the path of the binary
     * @throws NatsTestingException if there is none, saying how to install it
     */
    public static Path binary() {
        String env = System.getenv(BINARY_ENV);
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            if (!Files.isExecutable(p)) {
                throw new NatsTestingException(BINARY_ENV + " is set to " + env
                    + ", which is not an executable file; point it at a nats-server binary");
            }
            return p;
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Path.of(dir, "nats-server");
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        throw new NatsTestingException("nats-server binary not found on PATH. Install it "
            + "(Debian/Ubuntu: `apt-get install nats-server`; or download a release from "
            + "https://github.com/nats-io/nats-server/releases) or set the " + BINARY_ENV
            + " environment variable to its path.");
    }

    private synchronized void launch(Path binary, NatsServerConfig.Ports fixed) {
        if (closed) {
            throw new IllegalStateException("server is closed");
        }
        long logOffset;
        try {
            Files.writeString(configFile, config.render(workDir, fixed, cluster));
            logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
            process = new ProcessBuilder(binary.toString(), "-c", configFile.toString(), "-l", logFile.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(outFile.toFile()))
                .start();
        } catch (IOException e) {
            throw new NatsTestingException("cannot start " + binary, e);
        }
        Fixtures.track(process);
        pid = process.pid();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        NatsServerConfig.Ports learned = awaitListeners(logOffset, deadline);
        if (fixed != NatsServerConfig.Ports.EPHEMERAL && !learned.equals(fixed)) {
            // cannot happen with nats-server honouring fixed ports; guard against a silent port change
            stopProcess();
            throw new NatsTestingException("nats-server came back on other ports " + learned + " than " + fixed);
        }
        ports = learned;
        if (!config.hasConnectionLimit()) {
            awaitInfo(deadline);
        }
    }

    private NatsServerConfig.Ports awaitListeners(long logOffset, long deadline) {
        boolean wantWs = config.isWebsocket();
        boolean wantHttp = config.isMonitoring() || cluster != null;
        boolean wantRoute = cluster != null;
        while (true) {
            String log = readFrom(logFile, logOffset);
            int client = port(CLIENT, log);
            int ws = wantWs ? port(WEBSOCKET, log) : -1;
            int httpPort = wantHttp ? port(HTTP, log) : -1;
            int route = wantRoute ? port(ROUTE, log) : -1;
            if (client > 0 && log.contains(READY) && (!wantWs || ws > 0) && (!wantHttp || httpPort > 0)
                    && (!wantRoute || route > 0)) {
                return new NatsServerConfig.Ports(client, ws, httpPort, route);
            }
            if (!process.isAlive()) {
                String why = "nats-server exited with code " + process.exitValue() + " during start";
                stopProcess();
                throw new NatsTestingException(why + "\n" + log());
            }
            if (System.nanoTime() - deadline > 0) {
                stopProcess();
                throw new NatsTestingException("nats-server did not become ready within "
                    + START_TIMEOUT.toSeconds() + " s\n" + log());
            }
            pause();
        }
    }

    private void awaitInfo(long deadline) {
        IOException last = null;
        while (System.nanoTime() - deadline < 0) {
            int remainingMillis = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", ports.client()), Math.min(remainingMillis, 2000));
                s.setSoTimeout(Math.min(remainingMillis, 2000));
                if (readLine(s.getInputStream()).startsWith("INFO ")) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            if (!process.isAlive()) {
                break;
            }
            pause();
        }
        stopProcess();
        NatsTestingException e = new NatsTestingException("nats-server on port " + ports.client()
            + " did not send INFO within " + START_TIMEOUT.toSeconds() + " s\n" + log());
        if (last != null) {
            e.addSuppressed(last);
        }
        throw e;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n' && sb.length() < 65536) {
            sb.append((char) b);
        }
        return sb.toString();
    }

    private static int port(Pattern p, String log) {
        Matcher m = p.matcher(log);
        return m.find() ? Integer.parseInt(m.group(2)) : -1;
    }

    private static String readFrom(Path file, long offset) {
        if (!Files.exists(file)) {
            return "";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long len = raf.length();
            if (len <= offset) {
                return "";
            }
            byte[] buf = new byte[(int) (len - offset)];
            raf.seek(offset);
            raf.readFully(buf);
            String s = new String(buf, StandardCharsets.UTF_8);
            int lastNewline = s.lastIndexOf('\n');
            // only whole lines: the server may be mid-write
            return lastNewline < 0 ? "" : s.substring(0, lastNewline + 1);
        } catch (IOException e) {
            return "";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NatsTestingException("interrupted while waiting for nats-server", e);
        }
    }

    /**
     * Returns the client port.
     *
     * @return the port clients connect to; unchanged by {@link #restart()}
     */
    public int port() {
        return ports.client();
    }

    /**
     * Returns the plain client URL.
     *
     * @return {@code nats://127.0.0.1:<port>}
     */
    public String url() {
        return "nats://127.0.0.1:" + port();
    }

    /**
     * Returns the TLS client URL, with the host name the default test certificate is issued for.
     * Meaningful when the server was configured with TLS; against a plain server it is handy for
     * "TLS required by the client, not offered by the server" tests.
     *
     * @return {@code tls://localhost:<port>}
     */
    public String tlsUrl() {
        return "tls://localhost:" + port();
    }

    /**
     * Returns the WebSocket URL.
     *
     * @return {@code ws://127.0.0.1:<wsport>}, or {@code wss://localhost:<wsport>} with TLS
     * @throws IllegalStateException if the config has no WebSocket listener
     */
    public String wsUrl() {
        int p = wsPort();
        return config.isWebsocketTls() ? "wss://localhost:" + p : "ws://127.0.0.1:" + p;
    }

    /**
     * Returns the WebSocket port.
     *
     * @return the WebSocket listener's port
     * @throws IllegalStateException if the config has no WebSocket listener
     */
    public int wsPort() {
        if (!config.isWebsocket()) {
            throw new IllegalStateException("no WebSocket listener: build the config with websocket(...)");
        }
        return ports.websocket();
    }

    /**
     * Returns the HTTP monitoring port.
     *
     * @return the monitoring listener's port
     * @throws IllegalStateException if the config has no monitoring listener
     */
    public int monitorPort() {
        if (ports.http() <= 0) {
            throw new IllegalStateException("no monitoring listener: build the config with monitoring()");
        }
        return ports.http();
    }

    /**
     * Returns the route (cluster) port.
     *
     * @return the route listener's port
     * @throws IllegalStateException if this server is not a {@link NatsCluster} node
     */
    public int clusterPort() {
        if (ports.cluster() <= 0) {
            throw new IllegalStateException("not a cluster node: start it through NatsCluster");
        }
        return ports.cluster();
    }

    /**
     * Returns the cluster name, for cluster nodes.
     *
     * @return the cluster name, or empty for a standalone server
     */
    public Optional<String> clusterName() {
        NatsServerConfig.ClusterSettings c = cluster;
        return c == null ? Optional.empty() : Optional.of(c.clusterName());
    }

    /**
     * Returns the config this server was started with.
     *
     * @return the config
     */
    public NatsServerConfig config() {
        return config;
    }

    /**
     * Stops the server and starts it again on the same ports, returning once it accepts clients.
     * A stopped (or killed) server is simply started.
     *
     * @throws IllegalStateException if the server is closed
     * @throws NatsTestingException if it does not come back within 10 s (for instance because another
     *     process took one of its ports)
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("server is closed");
        }
        stopProcess();
        launch(binary(), ports);
    }

    /**
     * Stops the server gracefully (SIGTERM) and waits for it to exit, killing it if it has not
     * exited within 5 s. Idempotent; {@link #restart()} starts it again.
     */
    public synchronized void stop() {
        stopProcess();
    }

    /**
     * Kills the server (SIGKILL) without letting it shut down, and waits for it to exit; clients
     * see their connection drop without the server closing it cleanly.
     */
    public synchronized void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        waitForExit(p, STOP_TIMEOUT);
        Fixtures.untrack(p);
    }

    private void stopProcess() {
        Process p = process;
        if (p == null) {
            return;
        }
        if (p.isAlive()) {
            p.destroy();
            if (!waitForExit(p, STOP_TIMEOUT)) {
                p.destroyForcibly();
                waitForExit(p, STOP_TIMEOUT);
            }
        }
        Fixtures.untrack(p);
    }

    private static boolean waitForExit(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return false;
        }
    }

    /**
     * Puts the server into lame duck mode ({@code nats-server --signal ldm=<pid>}): it stops
     * accepting clients, tells connected clients ({@code ldm} in INFO), closes them over the lame
     * duck duration and then exits. Returns once the signal was sent.
     *
     * <p>Set {@link NatsServerConfig.Builder#lameDuckDuration(Duration)} and
     * {@link NatsServerConfig.Builder#lameDuckGracePeriod(Duration)} to keep tests short.
     *
     * @throws IllegalStateException if the server is not running
     * @throws NatsTestingException if the signal cannot be sent
     */
    public synchronized void lameDuck() {
        if (!isRunning()) {
            throw new IllegalStateException("server is not running");
        }
        try {
            Process signal = new ProcessBuilder(binary().toString(), "--signal", "ldm=" + pid)
                .redirectErrorStream(true).start();
            byte[] out;
            try (InputStream in = signal.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!signal.waitFor(10, TimeUnit.SECONDS)) {
                signal.destroyForcibly();
                throw new NatsTestingException("nats-server --signal ldm did not finish in 10 s");
            }
            if (signal.exitValue() != 0) {
                throw new NatsTestingException("nats-server --signal ldm=" + pid + " failed: "
                    + new String(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new NatsTestingException("cannot signal lame duck mode", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NatsTestingException("interrupted while signalling lame duck mode", e);
        }
    }

    /**
     * Tells whether the server process is alive.
     *
     * @return {@code true} while the process runs
     */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Returns the process id of the current (or last) server process.
     *
     * @return the pid
     */
    public long pid() {
        return pid;
    }

    /**
     * Returns the config file this server runs with. It holds the config's secrets.
     *
     * @return the path of the config file (deleted by {@link #close()})
     */
    public Path configFile() {
        return configFile;
    }

    /**
     * Returns the server's log so far, across restarts, followed by anything it wrote to
     * stdout/stderr (such as config errors). After {@link #close()}, the log as it was when closed.
     *
     * @return the log text
     */
    public synchronized String log() {
        if (finalLog != null) {
            return finalLog;
        }
        String log = readFrom(logFile, 0);
        String out = readFrom(outFile, 0);
        if (!out.isEmpty()) {
            log = log + "--- nats-server stdout/stderr ---\n" + out;
        }
        return log;
    }

    /**
     * Reads {@code /varz} (server information and statistics) from the monitoring port.
     *
     * @return the JSON text
     * @throws IllegalStateException if the config has no monitoring listener
     * @throws NatsTestingException if the request fails or times out (5 s)
     */
    public String varz() {
        return monitor("/varz");
    }

    /**
     * Reads {@code /connz} (client connections) from the monitoring port.
     *
     * @return the JSON text
     * @throws IllegalStateException if the config has no monitoring listener
     * @throws NatsTestingException if the request fails or times out (5 s)
     */
    public String connz() {
        return monitor("/connz");
    }

    /**
     * Reads {@code /routez} (cluster routes) from the monitoring port.
     *
     * @return the JSON text
     * @throws IllegalStateException if the config has no monitoring listener
     * @throws NatsTestingException if the request fails or times out (5 s)
     */
    public String routez() {
        return monitor("/routez");
    }

    /**
     * Reads any monitoring endpoint, such as {@code /subsz?subs=1} or {@code /jsz}.
     *
     * @param pathAndQuery the path, starting with {@code /}, with an optional query
     * @return the response body
     * @throws IllegalArgumentException if the path does not start with {@code /}
     * @throws IllegalStateException if the config has no monitoring listener
     * @throws NatsTestingException if the request fails, times out (5 s) or answers other than 200
     */
    public String monitor(String pathAndQuery) {
        if (pathAndQuery == null || !pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("monitoring path must start with '/'");
        }
        int p = monitorPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + pathAndQuery))
            .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = httpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new NatsTestingException("GET " + pathAndQuery + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new NatsTestingException("GET " + pathAndQuery + " on monitoring port " + p + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NatsTestingException("interrupted while reading " + pathAndQuery, e);
        }
    }

    private static HttpClient httpClient() {
        HttpClient c = http;
        if (c == null) {
            synchronized (NatsServer.class) {
                c = http;
                if (c == null) {
                    c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                        .version(HttpClient.Version.HTTP_1_1).build();
                    http = c;
                }
            }
        }
        return c;
    }

    /** Sets the routes this cluster node uses on its next (re)start. */
    void routes(List<Integer> routePorts) {
        NatsServerConfig.ClusterSettings c = cluster;
        cluster = new NatsServerConfig.ClusterSettings(c.clusterName(), c.serverName(), List.copyOf(routePorts));
    }

    /**
     * Stops the server (killing it if it does not exit within 5 s) and deletes its temporary
     * directory. Idempotent; {@link #log()} still answers afterwards.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            stopProcess();
            finalLog = log();
        } finally {
            closed = true;
            Fixtures.deleteDir(workDir);
        }
    }

    /**
     * Describes the server: its URL, pid and whether it runs.
     *
     * @return a short description without secrets
     */
    @Override
    public String toString() {
        NatsServerConfig.Ports p = ports;
        return "NatsServer[" + (p == null ? "not started" : "nats://127.0.0.1:" + p.client())
            + ", pid=" + pid + (closed ? ", closed" : "") + "]";
    }
}
