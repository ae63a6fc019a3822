package io.nats4j.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A scripted fake NATS server on an ephemeral loopback port, for what a real server will not do on
 * cue: send garbage or a malformed INFO, stall, close half-way, or speak TLS before INFO.
 *
 * <p>Each accepted connection runs the script on its own daemon thread. {@link #close()} closes the
 * listener and every accepted socket (which unblocks scripts stuck in a read) and joins the threads.
 *
 * <pre>{@code
 * try (FakeServer fake = FakeServer.start(conn -> {
 *         conn.write("INFO {\"server_id\":\"fake\"}\r\n");
 *         conn.readLine();                      // CONNECT
 *         conn.write("-ERR 'Unknown Protocol Operation'\r\n");
 *     })) {
 *     assertThrows(NatsException.class, () -> connect(fake.url()));
 * }
 * }</pre>
 *
 * <p>A script that fails (other than by its socket being closed under it) is recorded in
 * {@link #errors()}; a test can assert that list is empty. Use {@link #startTls} for a server that
 * expects the TLS handshake right away, or {@link Connection#upgradeToTls} to upgrade after INFO.
 */
public final class FakeServer implements AutoCloseable {

    /**
     * The behaviour of the fake server on one accepted connection.
     */
    @FunctionalInterface
    public interface Script {
        /**
         * Runs against one accepted connection; the socket is closed when it returns.
         *
         * @param connection the accepted connection
         * @throws Exception anything; recorded in {@link FakeServer#errors()} unless the server was closed
         */
        void run(Connection connection) throws Exception;
    }

    private final ServerSocket listener;
    private final Script script;
    private final Thread acceptor;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final boolean tls;
    private volatile boolean closed;

    private FakeServer(ServerSocket listener, Script script, boolean tls) {
        this.listener = listener;
        this.script = script;
        this.tls = tls;
        this.acceptor = new Thread(this::acceptLoop, "nats4j-testing-fake-server-accept-" + listener.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    /**
     * Starts a plain TCP fake server on an ephemeral loopback port.
     *
     * @param script what to do on each accepted connection
     * @return the listening server
     * @throws IllegalArgumentException if {@code script} is null
     * @throws NatsTestingException if the port cannot be opened
     */
    public static FakeServer start(Script script) {
        return open(script, null);
    }

    /**
     * Starts a fake server that expects the TLS handshake as soon as a client connects (TLS
     * handshake-first), using {@code context} (e.g. {@link TestCertificates#serverContext()}).
     * The handshake runs on the script's first read or write.
     *
     * @param context the server TLS context
     * @param script what to do on each accepted connection
     * @return the listening server
     * @throws IllegalArgumentException if an argument is null
     * @throws NatsTestingException if the port cannot be opened
     */
    public static FakeServer startTls(SSLContext context, Script script) {
        if (context == null) {
            throw new IllegalArgumentException("TLS context must not be null");
        }
        return open(script, context);
    }

    private static FakeServer open(Script script, SSLContext context) {
        if (script == null) {
            throw new IllegalArgumentException("script must not be null");
        }
        try {
            ServerSocket ss = context == null ? new ServerSocket()
                : context.getServerSocketFactory().createServerSocket();
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            FakeServer server = new FakeServer(ss, script, context != null);
            server.acceptor.start();
            return server;
        } catch (IOException e) {
            throw new NatsTestingException("cannot open a loopback port for the fake server", e);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    errors.add(e);
                }
                return;
            }
            int n = accepted.incrementAndGet();
            sockets.add(socket);
            if (closed) {
                closeQuietly(socket);
                return;
            }
            Thread t = new Thread(() -> runScript(socket), "nats4j-testing-fake-server-conn-" + n);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void runScript(Socket socket) {
        try {
            script.run(new Connection(socket));
        } catch (Throwable t) {
            if (!closed) {
                errors.add(t);
            }
        } finally {
            closeQuietly(socket);
            sockets.remove(socket);
        }
    }

    /**
     * Returns the listening port.
     *
     * @return the loopback port
     */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Returns a URL for the fake server: {@code nats://127.0.0.1:<port>}, or
     * {@code tls://localhost:<port>} for a {@link #startTls} server.
     *
     * @return the URL
     */
    public String url() {
        return tls ? "tls://localhost:" + port() : "nats://127.0.0.1:" + port();
    }

    /**
     * Returns how many connections have been accepted so far.
     *
     * @return the accepted connection count
     */
    public int connections() {
        return accepted.get();
    }

    /**
     * Returns the failures of scripts so far (not counting sockets closed by {@link #close()}).
     *
     * @return a snapshot of the failures
     */
    public List<Throwable> errors() {
        return List.copyOf(errors);
    }

    /**
     * Closes the listener and every accepted socket, then waits (up to 5 s in all) for the script
     * threads to end. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(listener);
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<Thread> all = new ArrayList<>(threads);
        all.add(acceptor);
        for (Thread t : all) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            try {
                t.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing to unblock or release: nothing useful to do with a failure
        }
    }

    /**
     * Describes the fake server.
     *
     * @return its URL and connection count
     */
    @Override
    public String toString() {
        return "FakeServer[" + url() + ", connections=" + connections() + (closed ? ", closed" : "") + "]";
    }

    /**
     * One accepted connection, handed to the {@link Script}. Reads are unbuffered, so
     * {@link #readLine()} and {@link #in()} can be mixed freely. Not thread-safe.
     */
    public static final class Connection {
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        private Connection(Socket socket) throws IOException {
            use(socket);
        }

        private void use(Socket s) throws IOException {
            this.socket = s;
            this.in = s.getInputStream();
            this.out = s.getOutputStream();
        }

        /**
         * Returns the socket (an {@link SSLSocket} after a TLS start or upgrade).
         *
         * @return the socket
         */
        public Socket socket() {
            return socket;
        }

        /**
         * Returns the socket's input stream.
         *
         * @return the input stream
         */
        public InputStream in() {
            return in;
        }

        /**
         * Returns the socket's output stream.
         *
         * @return the output stream
         */
        public OutputStream out() {
            return out;
        }

        /**
         * Reads one line, without its {@code \r\n} (or {@code \n}).
         *
         * @return the line, or {@code null} at end of stream before any byte
         * @throws IOException if reading fails or times out
         */
        public String readLine() throws IOException {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    byte[] bytes = buf.toByteArray();
                    int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, len, StandardCharsets.UTF_8);
                }
                buf.write(b);
            }
            return buf.size() == 0 ? null : buf.toString(StandardCharsets.UTF_8);
        }

        /**
         * Reads lines until one starts with {@code prefix} (e.g. {@code "CONNECT"}), skipping others.
         *
         * @param prefix the start of the wanted line
         * @return the line
         * @throws IOException if the stream ends first or reading fails
         */
        public String readLineStartingWith(String prefix) throws IOException {
            String line;
            while ((line = readLine()) != null) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            throw new IOException("stream ended before a line starting with " + prefix);
        }

        /**
         * Writes the text as UTF-8 and flushes. Give the {@code \r\n} yourself.
         *
         * @param text the text to send
         * @throws IOException if writing fails
         */
        public void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Writes the bytes and flushes.
         *
         * @param bytes the bytes to send
         * @throws IOException if writing fails
         */
        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /**
         * Writes a minimal valid {@code INFO} line with {@code extraJsonFields} added, e.g.
         * {@code "\"tls_required\":true"} or {@code "\"auth_required\":true,\"nonce\":\"abc\""}.
         *
         * @param extraJsonFields JSON members to add (without braces), or an empty string
         * @throws IOException if writing fails
         */
        public void writeInfo(String extraJsonFields) throws IOException {
            String extra = extraJsonFields == null || extraJsonFields.isEmpty() ? "" : "," + extraJsonFields;
            write("INFO {\"server_id\":\"FAKE\",\"server_name\":\"fake\",\"version\":\"2.9.10\",\"proto\":1,"
                + "\"host\":\"127.0.0.1\",\"port\":" + socket.getLocalPort() + ",\"headers\":true,"
                + "\"max_payload\":1048576" + extra + "}\r\n");
        }

        /**
         * Writes a minimal valid {@code INFO} line.
         *
         * @throws IOException if writing fails
         */
        public void writeInfo() throws IOException {
            writeInfo("");
        }

        /**
         * Answers the client's handshake the way a server without auth does: reads {@code CONNECT}
         * and {@code PING} lines and answers the {@code PING} with {@code PONG}. Call after
         * {@link #writeInfo()}.
         *
         * @return the CONNECT line
         * @throws IOException if the stream ends first or reading fails
         */
        public String acceptHandshake() throws IOException {
            String connect = readLineStartingWith("CONNECT");
            readLineStartingWith("PING");
            write("PONG\r\n");
            return connect;
        }

        /**
         * Upgrades this connection to TLS as the server side (for "INFO first, then TLS") and runs
         * the handshake now.
         *
         * @param context the server TLS context
         * @throws IOException if the handshake fails
         */
        public void upgradeToTls(SSLContext context) throws IOException {
            SSLSocket tlsSocket = (SSLSocket) context.getSocketFactory()
                .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
            tlsSocket.setUseClientMode(false);
            tlsSocket.startHandshake();
            use(tlsSocket);
        }

        /**
         * Reads and discards everything until the client closes or {@code timeout} passes; a
         * stalled server that still drains its input.
         *
         * @param timeout the longest time to wait
         * @return {@code true} if the client closed, {@code false} on timeout
         * @throws IOException if reading fails other than by timing out
         */
        public boolean drainUntilClosed(Duration timeout) throws IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            byte[] buf = new byte[8192];
            int saved = socket.getSoTimeout();
            try {
                while (true) {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        return false;
                    }
                    socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
                    try {
                        if (in.read(buf) < 0) {
                            return true;
                        }
                    } catch (SocketTimeoutException e) {
                        return false;
                    }
                }
            } finally {
                if (!socket.isClosed()) {
                    socket.setSoTimeout(saved);
                }
            }
        }

        /**
         * Closes the connection now (the script may also just return).
         *
         * @throws IOException if closing fails
         */
        public void close() throws IOException {
            socket.close();
        }
    }
}
