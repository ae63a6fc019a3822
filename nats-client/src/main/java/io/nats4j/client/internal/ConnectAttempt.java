package io.nats4j.client.internal;

import io.nats4j.client.Options;
import io.nats4j.protocol.ConnectInfo;
import io.nats4j.protocol.NatsAuthException;
import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsServerException;
import io.nats4j.protocol.NatsTimeoutException;
import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.ServerInfo;
import io.nats4j.protocol.internal.MsgView;
import io.nats4j.protocol.internal.Parser;
import io.nats4j.protocol.internal.ParserSink;
import io.nats4j.protocol.spi.Authenticator;
import io.nats4j.protocol.spi.ConnectAuth;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.protocol.spi.TransportOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * One handshake with one server: open the transport, read INFO, upgrade to TLS when asked, send
 * CONNECT (with credentials) and PING, wait for PONG or {@code -ERR}, all within one connect
 * deadline. Returns a {@link Result} instead of setting flags; runs on the thread that calls
 * {@link #run} (the application's in {@code connect()}, else the reconnect thread). One at a time.
 */
final class ConnectAttempt {

    static final String VERSION = "0.1.0";
    private static final byte[] PING = "PING\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PONG = "PONG\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int READ_BUFFER = 128 * 1024;

    /** What an attempt produced. */
    sealed interface Result permits Ok, Failed {
    }

    /**
     * A handshaken session, not yet started.
     *
     * @param session the session
     */
    record Ok(Session session) implements Result {
    }

    /**
     * The attempt failed.
     *
     * @param error why; a {@link NatsAuthException} when the server refused the credentials
     */
    record Failed(NatsException error) implements Result {
    }

    private final Options options;
    private final ServerPool pool;
    private final Optional<Authenticator> authenticator;
    private final ScheduledExecutorService timer;
    private final BooleanSupplier closed;
    /** The transport of the handshake in progress, for {@link #abort}. */
    private volatile Transport handshaking;

    ConnectAttempt(Options options, ServerPool pool, Optional<Authenticator> authenticator,
            ScheduledExecutorService timer, BooleanSupplier closed) {
        this.options = options;
        this.pool = pool;
        this.authenticator = authenticator;
        this.timer = timer;
        this.closed = closed;
    }

    /** Closes the transport of a handshake in progress, so close() returns promptly. */
    void abort() {
        Transport t = handshaking;
        if (t != null) {
            t.close();
        }
    }

    /**
     * Runs the handshake with {@code entry}'s server.
     *
     * @param entry the server
     * @return the session, or why not
     */
    Result run(ServerPool.Entry entry) {
        NatsUri server = entry.uri;
        boolean wantTls = server.isSecureScheme() || options.sslContext().isPresent();
        long deadline = System.nanoTime() + options.connectTimeout().toNanos();
        Transport transport;
        try {
            transport = Providers.transport(server).open(server, transportOptions(entry, wantTls));
        } catch (IOException e) {
            return fail(new NatsConnectionException("could not connect to " + server.redacted() + ": " + e.getMessage(), e));
        } catch (NatsException e) {
            return fail(e);
        } catch (RuntimeException e) {
            return fail(new NatsConnectionException("could not connect to " + server.redacted()
                    + ": the transport failed: " + e, e));
        }
        handshaking = transport;
        AtomicBoolean timedOut = new AtomicBoolean(); // set on the timer thread
        ScheduledFuture<?> watchdog = null;
        Result result = null;
        try {
            if (closed.getAsBoolean()) {
                return fail(new NatsConnectionException("connection closed during connect to " + server.redacted()));
            }
            // one bound for the whole connect: what opening the transport used is not given again
            watchdog = timer.schedule(() -> {
                timedOut.set(true);
                transport.close();
            }, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            result = handshake(entry, transport, wantTls);
            return result;
        } catch (IOException e) {
            if (timedOut.get()) {
                return fail(timeout(server)); // e is only the watchdog's close of the transport
            }
            if (closed.getAsBoolean()) {
                return fail(new NatsConnectionException("connection closed during connect to " + server.redacted(), e));
            }
            return fail(new NatsConnectionException("connect to " + server.redacted() + " failed: " + e.getMessage(), e));
        } catch (NatsException e) {
            return fail(timedOut.get() && !(e instanceof NatsAuthException) ? timeout(server) : e);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return fail(new NatsConnectionException("connection closed during connect to " + server.redacted(), e));
        } catch (RuntimeException e) {
            return fail(new NatsConnectionException("connect to " + server.redacted() + " failed: " + e, e));
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            handshaking = null;
            if (!(result instanceof Ok)) {
                transport.close();
            }
        }
    }

    private TransportOptions transportOptions(ServerPool.Entry entry, boolean wantTls) {
        return new TransportOptions(options.connectTimeout(), options.writeTimeout(), options.sslContext(), wantTls,
                options.tlsHandshakeFirst(), options.hostnameVerification(), entry.tlsHostname,
                options.transportOptions());
    }

    private Result handshake(ServerPool.Entry entry, Transport transport, boolean wantTls) throws IOException {
        NatsUri server = entry.uri;
        Handshake hs = new Handshake(transport);
        Session.Inbound inbound = new Session.Inbound();
        inbound.target(hs);
        Parser parser = new Parser(inbound);
        ByteBuffer buf = ByteBuffer.allocate(READ_BUFFER);
        readUntil(transport, parser, buf, hs, () -> hs.info != null);
        ServerInfo si = hs.info;
        if (wantTls && !transport.isSecure() && !si.tlsRequired() && !si.tlsAvailable()) {
            throw new NatsConnectionException("TLS is required (" + (server.isSecureScheme() ? server.scheme()
                    + "://" : "sslContext set") + ") but server " + server.redacted() + " does not offer TLS");
        }
        if ((wantTls || si.tlsRequired()) && !transport.isSecure()) {
            transport.upgradeToTls();
        }
        ConnectInfo ci = new ConnectInfo(options.verbose(), options.pedantic(), transport.isSecure(),
                options.connectionName(), "java", VERSION, 1, !options.noEcho(), si.headers(), si.headers(),
                authFor(server, si));
        transport.write(ByteBuffer.wrap(ci.encode()), ByteBuffer.wrap(PING));
        readUntil(transport, parser, buf, hs, () -> hs.pong || hs.error != null);
        if (hs.error != null) {
            if (ServerError.classify(hs.error) == ServerError.AUTHORIZATION) {
                throw new NatsAuthException("server " + server.redacted() + " refused the credentials: " + hs.error);
            }
            throw new NatsServerException(hs.error);
        }
        return new Ok(new Session(transport, entry, parser, inbound, hs.info));
    }

    private static void readUntil(Transport t, Parser parser, ByteBuffer buf, Handshake hs, BooleanSupplier done)
            throws IOException {
        while (!done.getAsBoolean()) {
            buf.clear();
            if (t.read(buf) < 0) {
                throw new IOException("server closed the connection during the handshake"
                        + (hs.error == null ? "" : ": " + hs.error));
            }
            buf.flip();
            parser.parse(buf);
        }
    }

    private ConnectAuth authFor(NatsUri server, ServerInfo si) {
        if (authenticator.isPresent()) {
            try {
                return authenticator.get().authenticate(si);
            } catch (NatsException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new NatsAuthException("the authenticator failed for server " + server.redacted() + ": " + e, e);
            }
        }
        Optional<String> userInfo = server.userInfo().or(pool::defaultUserInfo);
        if (userInfo.isPresent()) {
            String u = userInfo.get();
            int colon = u.indexOf(':');
            return colon >= 0 ? ConnectAuth.userInfo(u.substring(0, colon), u.substring(colon + 1)) : ConnectAuth.token(u);
        }
        if (options.user().isPresent()) {
            return ConnectAuth.userInfo(options.user().get(), options.password().orElse(""));
        }
        if (options.token().isPresent()) {
            return ConnectAuth.token(options.token().get());
        }
        return ConnectAuth.NONE;
    }

    private NatsTimeoutException timeout(NatsUri server) {
        return new NatsTimeoutException("connect to " + server.redacted() + " timed out after "
                + options.connectTimeout().toMillis() + " ms");
    }

    private static Failed fail(NatsException e) {
        return new Failed(e);
    }

    /** The parser's sink until the handshake is done; a PING is answered on the spot. */
    private static final class Handshake implements ParserSink {
        private final Transport transport;
        ServerInfo info;
        boolean pong;
        String error;

        Handshake(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void onMsg(MsgView msg) {
            // no subscription exists before the handshake ends
        }

        @Override
        public void onInfo(ServerInfo si) {
            info = si;
        }

        @Override
        public void onPing() {
            try {
                transport.write(ByteBuffer.wrap(PONG));
            } catch (IOException e) {
                throw new NatsConnectionException("could not answer PING during the handshake", e);
            }
        }

        @Override
        public void onPong() {
            pong = true;
        }

        @Override
        public void onOk() {
            // verbose mode acknowledgement
        }

        @Override
        public void onErr(String text) {
            error = text;
        }
    }
}
