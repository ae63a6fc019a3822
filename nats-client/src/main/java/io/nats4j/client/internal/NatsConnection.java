package io.nats4j.client.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.ConnectionListener;
import io.nats4j.client.ErrorListener;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.MessageHandler;
import io.nats4j.client.Options;
import io.nats4j.client.Registration;
import io.nats4j.client.Statistics;
import io.nats4j.client.Status;
import io.nats4j.client.Subscription;
import io.nats4j.protocol.ConnectInfo;
import io.nats4j.protocol.Encoder;
import io.nats4j.protocol.MsgView;
import io.nats4j.protocol.NatsAuthException;
import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NatsPayloadTooLargeException;
import io.nats4j.protocol.NatsServerException;
import io.nats4j.protocol.NatsTimeoutException;
import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.NoRespondersException;
import io.nats4j.protocol.Nuid;
import io.nats4j.protocol.Parser;
import io.nats4j.protocol.ParserSink;
import io.nats4j.protocol.ServerInfo;
import io.nats4j.protocol.Subjects;
import io.nats4j.protocol.spi.Authenticator;
import io.nats4j.protocol.spi.ConnectAuth;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.protocol.spi.TransportOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connection engine.
 *
 * <p>Threads: a reader and a writer per server connection ({@link Session}); a timer per connection
 * for PINGs, request timeouts and the connect watchdog; an events thread for listener calls (only when
 * a listener is set); a dispatch thread (or the application's executor) for message handlers; a
 * reconnect thread only while reconnecting.
 *
 * <p>Outbound path: publishers encode straight into {@link #outPending} under {@link #outLock}; the
 * writer swaps it with {@link #outSpare} and writes the whole buffer with one transport call. The
 * writer is signalled only when it is waiting, so a burst of publishes costs no wake-ups. While no
 * session owns the buffer ({@link #outOwner} is null), publishes accumulate up to the reconnect buffer
 * size and SUB/UNSUB are not encoded: subscriptions are re-sent from {@link #subs} on reconnect.
 *
 * <p>Lock order: {@link #stateLock} before {@link #outLock} before the {@link SidMap} monitor.
 */
public final class NatsConnection implements Connection {

    static final String VERSION = "0.1.0";
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final byte[] PING = "PING\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int READ_BUFFER = 128 * 1024;
    private static final int INITIAL_OUT_BUFFER = 64 * 1024;
    /** While connected, publishers wait for the writer once this much is buffered. */
    private static final int MAX_OUT_PENDING = 32 * 1024 * 1024;
    private static final CompletableFuture<Void> KEEPALIVE = new CompletableFuture<>();
    private static final byte[] EMPTY = new byte[0];

    private final int id = IDS.incrementAndGet();
    private final Options options;
    private final ServerPool pool;
    private final Optional<Authenticator> authenticator;
    private final Listeners listeners;
    private final String inboxPrefix;

    private final Object stateLock = new Object();
    private volatile Status status = Status.CONNECTING;
    private volatile Session session;
    private volatile ServerInfo info;
    private boolean everConnected;
    private Thread reconnectThread;
    private volatile Transport handshaking;
    private Thread drainThread;
    private CompletableFuture<Void> drainFuture;

    private final ReentrantLock outLock = new ReentrantLock();
    private final Condition outReady = outLock.newCondition();
    private final Condition outSpace = outLock.newCondition();
    private ByteBuffer outPending = ByteBuffer.allocate(INITIAL_OUT_BUFFER);
    private ByteBuffer outSpare = ByteBuffer.allocate(INITIAL_OUT_BUFFER);
    private Session outOwner;
    private boolean writerWaiting;
    private boolean writerBusy;
    private boolean closing;
    private long outMsgs;
    private long outBytes;

    private long inMsgs; // reader thread only
    private long inBytes; // reader thread only
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    private final SidMap<NatsSubscription> subs = new SidMap<>();
    /** Subscriptions being drained: out of {@link #subs} already, still delivering; close() closes them. */
    private final java.util.Set<NatsSubscription> draining = ConcurrentHashMap.newKeySet();
    private final AtomicLong sids = new AtomicLong();

    private final ScheduledThreadPoolExecutor timer;
    private final Executor dispatcher;
    private final ExecutorService ownDispatcher;
    /** Completes futures handed to the application: its executor, else the common pool. */
    private final Executor asyncExecutor;
    private ScheduledFuture<?> pingTask;

    private final Object muxLock = new Object();
    private volatile NatsSubscription mux;
    private String muxPrefix;
    private final ConcurrentHashMap<String, CompletableFuture<Message>> requests = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();

    /**
     * Creates an unconnected connection; {@link #connect()} connects it.
     *
     * @param options the options
     */
    public NatsConnection(Options options) {
        this.options = options;
        this.pool = new ServerPool(options.servers(), !options.noRandomize());
        this.listeners = new Listeners(this, r -> newThread(r, "events"), options.connectionListener().orElse(null),
                options.errorListener().orElse(null));
        this.inboxPrefix = options.inboxPrefix();
        this.authenticator = authenticatorFor(options);
        this.timer = new ScheduledThreadPoolExecutor(1, r -> newThread(r, "timer"));
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        if (options.executor().isPresent()) {
            this.dispatcher = options.executor().get();
            this.ownDispatcher = null;
        } else {
            this.ownDispatcher = Executors.newSingleThreadExecutor(r -> newThread(r, "dispatch"));
            this.dispatcher = ownDispatcher;
        }
        this.asyncExecutor = dispatcher;
    }

    private static Optional<Authenticator> authenticatorFor(Options options) {
        if (options.authenticator().isPresent()) {
            return options.authenticator();
        }
        if (options.credentials().isPresent()) {
            return Optional.of(Providers.auth("credentials(...)").credentials(options.credentials().get()));
        }
        return Optional.empty();
    }

    private Thread newThread(Runnable r, String role) {
        Thread t = new Thread(r, "nats4j-" + role + "-" + id);
        t.setDaemon(true);
        return t;
    }

    // ------------------------------------------------------------------ connect

    /**
     * Makes the first connection: each server of the pool once, in order.
     *
     * @throws NatsException the last failure, unless {@code retryOnFailedConnect} is set
     */
    public void connect() {
        if (options.retryOnFailedConnect()) {
            // API contract: return at once; the reconnect loop makes the first attempts without waiting
            synchronized (stateLock) {
                startReconnectLocked();
            }
            return;
        }
        RuntimeException last = null;
        for (ServerPool.Entry e : pool.snapshot()) {
            try {
                Session s = handshake(e);
                activate(s, e);
                return;
            } catch (RuntimeException ex) {
                last = ex;
                if (status == Status.CLOSED) {
                    break;
                }
            }
        }
        closeInternal(null);
        throw last instanceof NatsException ne ? ne
                : new NatsConnectionException("could not connect to " + pool.snapshot(), last);
    }

    /** INFO, optional TLS upgrade, CONNECT + PING, PONG; bounded by the connect timeout. */
    private Session handshake(ServerPool.Entry entry) {
        NatsUri server = entry.uri;
        entry.attempted = true;
        entry.lastAttemptNanos = System.nanoTime();
        boolean wantTls = server.isSecureScheme() || options.sslContext().isPresent();
        TransportOptions to = new TransportOptions(options.connectTimeout(), options.writeTimeout(),
                options.sslContext(), wantTls, options.tlsHandshakeFirst(), options.hostnameVerification(),
                entry.tlsHostname, options.transportOptions());
        Transport transport;
        long deadline = System.nanoTime() + options.connectTimeout().toNanos();
        try {
            transport = Providers.transport(server).open(server, to);
        } catch (IOException e) {
            throw new NatsConnectionException("could not connect to " + server.redacted() + ": " + e.getMessage(), e);
        }
        Session s = new Session(transport, entry);
        handshaking = transport;
        AtomicBoolean timedOut = new AtomicBoolean(); // set on the timer thread
        ScheduledFuture<?> watchdog = null;
        boolean ok = false;
        try {
            if (status == Status.CLOSED) {
                throw new NatsConnectionException("connection closed during connect to " + server.redacted());
            }
            // one bound for the whole connect: what opening the transport used is not given again
            watchdog = schedule(() -> {
                timedOut.set(true);
                transport.close();
            }, Math.max(1, deadline - System.nanoTime()));
            s.readUntilHandshake(() -> s.handshakeInfo != null);
            ServerInfo si = s.handshakeInfo;
            if (wantTls && !transport.isSecure() && !si.tlsRequired() && !si.tlsAvailable()) {
                throw new NatsConnectionException("TLS is required (" + (server.isSecureScheme() ? server.scheme()
                        + "://" : "sslContext set") + ") but server " + server.redacted() + " does not offer TLS");
            }
            if ((wantTls || si.tlsRequired()) && !transport.isSecure()) {
                transport.upgradeToTls();
            }
            ConnectAuth auth = authFor(server, si);
            ConnectInfo ci = new ConnectInfo(options.verbose(), options.pedantic(), transport.isSecure(),
                    options.connectionName(), "java", VERSION, 1, !options.noEcho(), true, true, auth);
            transport.write(ByteBuffer.wrap(ci.encode()), ByteBuffer.wrap(PING));
            s.readUntilHandshake(() -> s.handshakePong || s.handshakeError != null);
            if (s.handshakeError != null) {
                throw serverErrorDuringHandshake(server, s.handshakeError);
            }
            ok = true;
            return s;
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new NatsTimeoutException("connect to " + server.redacted() + " timed out after "
                        + options.connectTimeout().toMillis() + " ms", e);
            }
            if (status == Status.CLOSED) {
                throw new NatsConnectionException("connection closed during connect to " + server.redacted(), e);
            }
            throw new NatsConnectionException("connect to " + server.redacted() + " failed: " + e.getMessage(), e);
        } catch (NatsException e) {
            if (timedOut.get() && !(e instanceof NatsAuthException)) {
                throw new NatsTimeoutException("connect to " + server.redacted() + " timed out after "
                        + options.connectTimeout().toMillis() + " ms", e);
            }
            throw e;
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            handshaking = null;
            if (!ok) {
                transport.close();
            }
        }
    }

    private static NatsException serverErrorDuringHandshake(NatsUri server, String err) {
        if (isAuthError(err)) {
            return new NatsAuthException("server " + server.redacted() + " refused the credentials: " + err);
        }
        return new NatsServerException(err);
    }

    static boolean isAuthError(String err) {
        String e = err.toLowerCase(Locale.ROOT);
        return e.contains("authorization violation") || e.contains("authentication expired")
                || e.contains("authentication revoked") || e.contains("account authentication");
    }

    private ConnectAuth authFor(NatsUri server, ServerInfo si) {
        if (authenticator.isPresent()) {
            return authenticator.get().authenticate(si);
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

    /** Makes a handshaken session the current one: resubscribe, then buffered publishes, then start threads. */
    private void activate(Session s, ServerPool.Entry entry) {
        boolean reconnected;
        synchronized (stateLock) {
            if (status == Status.CLOSED) {
                s.transport.close();
                throw new NatsConnectionException("connection closed");
            }
            reconnected = everConnected;
            everConnected = true;
            if (reconnectThread == Thread.currentThread()) {
                // this loop is done; a failure of the new session must be able to start another
                reconnectThread = null;
            }
            entry.failedAttempts = 0;
            entry.lastAuthError = null;
            pool.setCurrent(entry);
            info = s.handshakeInfo;
            session = s;
            outLock.lock();
            try {
                List<NatsSubscription> live = new ArrayList<>(subs.values());
                live.sort(Comparator.comparingLong(x -> x.sid));
                int need = outPending.position();
                for (NatsSubscription sub : live) {
                    need += subCapacity(sub);
                }
                ByteBuffer fresh = ByteBuffer.allocate(Math.max(INITIAL_OUT_BUFFER, need));
                for (NatsSubscription sub : live) {
                    if (sub.draining || (sub.max > 0 && sub.received >= sub.max)) {
                        continue;
                    }
                    Encoder.sub(fresh, sub.subject(), sub.queueOrNull(), sub.sid);
                    if (sub.max > 0) {
                        Encoder.unsub(fresh, sub.sid, sub.max - sub.received);
                    }
                }
                outPending.flip();
                retainPublishes(outPending, fresh);
                outPending = fresh;
                if (outSpare == null) {
                    outSpare = ByteBuffer.allocate(INITIAL_OUT_BUFFER);
                }
                outOwner = s;
                writerWaiting = false;
            } finally {
                outLock.unlock();
            }
            if (status != Status.DRAINING) {
                status = Status.CONNECTED;
            }
            s.start();
            if (pingTask == null) {
                long every = options.pingInterval().toNanos();
                pingTask = timer.scheduleAtFixedRate(this::pingTick, every, every, TimeUnit.NANOSECONDS);
            }
        }
        processInfo(s, s.handshakeInfo, false);
        if (reconnected) {
            reconnects.incrementAndGet();
            fire(ConnectionEvent.RECONNECTED);
            fire(ConnectionEvent.RESUBSCRIBED);
        } else {
            fire(ConnectionEvent.CONNECTED);
        }
    }

    /**
     * Copies the PUB and HPUB frames of what a lost session left unsent. SUB and UNSUB are dropped
     * (every live subscription is sent again from {@link #subs}), PING and PONG too (their answers
     * belonged to the lost session).
     */
    static void retainPublishes(ByteBuffer src, ByteBuffer dst) {
        byte[] a = src.array();
        int pos = src.position();
        int end = src.limit();
        while (pos < end) {
            int eol = pos;
            while (a[eol] != '\r') {
                eol++;
            }
            int next = eol + 2;
            byte first = a[pos];
            if (first == 'P' && a[pos + 1] == 'U' || first == 'H') {
                long size = 0;
                long scale = 1;
                for (int i = eol - 1; a[i] != ' '; i--) {
                    size += (a[i] - '0') * scale;
                    scale *= 10;
                }
                next += (int) size + 2;
                dst.put(a, pos, next - pos);
            }
            pos = next;
        }
        src.position(end);
    }

    private static int subCapacity(NatsSubscription sub) {
        String q = sub.queueOrNull();
        return 3 * (sub.subject().length() + (q == null ? 0 : q.length())) + 32 + 48;
    }

    // ------------------------------------------------------------------ failure and reconnect

    /** A session died (I/O error, EOF, protocol error, stale, fatal -ERR): reconnect or close. */
    void sessionFailed(Session s, Throwable cause) {
        synchronized (stateLock) {
            if (s.dead) {
                return;
            }
            s.dead = true;
            s.transport.close();
            detachLocked(s);
            s.failPongs(new NatsConnectionException("disconnected from " + s.entry.uri.redacted()
                    + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause));
            if (session != s || status == Status.CLOSED) {
                return;
            }
            if (options.maxReconnects() == 0 || status == Status.DRAINING) {
                // no reconnect: close outside the lock below
            } else {
                status = Status.RECONNECTING;
                fire(ConnectionEvent.DISCONNECTED);
                startReconnectLocked();
                return;
            }
        }
        fire(ConnectionEvent.DISCONNECTED);
        closeInternal(cause);
    }

    private void detachLocked(Session s) {
        outLock.lock();
        try {
            if (outOwner == s) {
                outOwner = null;
            }
            outReady.signalAll();
            outSpace.signalAll();
        } finally {
            outLock.unlock();
        }
    }

    private void startReconnectLocked() {
        if (reconnectThread != null) {
            return; // one is running and will see the new state
        }
        if (status != Status.CONNECTING) {
            status = Status.RECONNECTING;
        }
        reconnectThread = newThread(this::reconnectLoop, "reconnect");
        reconnectThread.start();
    }

    private void reconnectLoop() {
        pool.current().ifPresent(c -> {
            c.attempted = true;
            c.lastAttemptNanos = System.nanoTime();
        });
        while (status != Status.CLOSED) {
            Optional<ServerPool.Entry> next = pool.next(options.maxReconnects());
            if (next.isEmpty()) {
                reportException(new NatsConnectionException("reconnect attempts exhausted; closing"));
                closeFromBackground();
                return;
            }
            ServerPool.Entry e = next.get();
            long wait = options.reconnectWait().toNanos() - (System.nanoTime() - e.lastAttemptNanos);
            if (e.attempted && wait > 0) {
                Duration jitter = e.uri.isSecureScheme() || options.sslContext().isPresent()
                        ? options.reconnectJitterTls() : options.reconnectJitter();
                if (!jitter.isZero()) {
                    wait += ThreadLocalRandom.current().nextLong(jitter.toNanos());
                }
                if (!sleepUnlessClosed(wait)) {
                    return;
                }
            }
            if (status == Status.CLOSED) {
                return;
            }
            try {
                Session s = handshake(e);
                activate(s, e);
                return;
            } catch (NatsAuthException ex) {
                e.failedAttempts++;
                reportException(ex);
                if (ex.getMessage().equals(e.lastAuthError)) {
                    // the same auth error twice from one server: retrying will not help
                    closeFromBackground();
                    return;
                }
                e.lastAuthError = ex.getMessage();
            } catch (RuntimeException ex) {
                e.failedAttempts++;
                if (status != Status.CLOSED) {
                    reportException(ex);
                }
            }
        }
    }

    private void closeFromBackground() {
        synchronized (stateLock) {
            if (reconnectThread == Thread.currentThread()) {
                reconnectThread = null;
            }
        }
        closeInternal(null);
    }

    private boolean sleepUnlessClosed(long nanos) {
        long deadline = System.nanoTime() + nanos;
        synchronized (stateLock) {
            long left;
            while (status != Status.CLOSED && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(stateLock, left);
                } catch (InterruptedException e) {
                    return false;
                }
            }
            return status != Status.CLOSED;
        }
    }

    private void pingTick() {
        Session s = session;
        if (s == null || s.dead || status == Status.CLOSED) {
            return;
        }
        if (s.pingsOut >= options.maxPingsOut()) {
            sessionFailed(s, new NatsConnectionException("stale connection: " + s.pingsOut + " PINGs without PONG"));
            return;
        }
        s.pingsOut++;
        try {
            sendPing(KEEPALIVE);
        } catch (NatsException ignored) {
            // not connected right now; the next tick tries again
        }
    }

    // ------------------------------------------------------------------ outbound

    /** Makes room for {@code need} bytes in outPending; caller holds outLock. */
    private ByteBuffer reserveLocked(int need, boolean isPublish) {
        ByteBuffer buf = outPending;
        if (status == Status.CLOSED) {
            throw new NatsConnectionException("connection is closed");
        }
        if (outOwner == null) {
            long limit = options.reconnectBufferSize();
            if (isPublish && (limit == 0 || buf.position() + need > limit)) {
                throw new NatsConnectionException(limit == 0
                        ? "not connected (" + status + ") and reconnect buffering is off"
                        : "reconnect buffer full (" + limit + " bytes) while " + status);
            }
        } else if (buf.position() > 0 && buf.position() + need > MAX_OUT_PENDING) {
            long left = options.writeTimeout().toNanos();
            try {
                while (outOwner != null && outPending.position() > 0 && outPending.position() + need > MAX_OUT_PENDING) {
                    if (left <= 0) {
                        throw new NatsTimeoutException("outbound buffer full: the writer made no progress for "
                                + options.writeTimeout().toMillis() + " ms");
                    }
                    left = outSpace.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NatsException("interrupted while waiting for room in the outbound buffer", e);
            }
            return reserveLocked(need, isPublish);
        }
        if (buf.remaining() < need) {
            int cap = Math.max(buf.capacity() * 2, buf.position() + need);
            ByteBuffer bigger = ByteBuffer.allocate(cap);
            buf.flip();
            bigger.put(buf);
            outPending = bigger;
            buf = bigger;
        }
        return buf;
    }

    private void wakeWriterLocked() {
        if (writerWaiting) {
            writerWaiting = false;
            outReady.signal();
        }
    }

    @Override
    public void publish(String subject, byte[] data) {
        publish(subject, null, null, data);
    }

    @Override
    public void publish(String subject, String replyTo, byte[] data) {
        publish(subject, replyTo, null, data);
    }

    @Override
    public void publish(String subject, Headers headers, byte[] data) {
        publish(subject, null, headers, data);
    }

    @Override
    public void publish(String subject, String replyTo, Headers headers, byte[] data) {
        if (subject == null) {
            throw new NatsIllegalArgumentException("subject must not be null");
        }
        byte[] payload = data == null ? EMPTY : data;
        byte[] hdr = headers == null || headers.isEmpty() ? null : ClientAccess.encode(headers);
        long size = payload.length + (hdr == null ? 0 : (long) hdr.length);
        ServerInfo si = info;
        if (si != null && si.maxPayload() > 0 && size > si.maxPayload()) {
            throw new NatsPayloadTooLargeException("message of " + size + " bytes to '" + subject
                    + "' exceeds the server's max_payload of " + si.maxPayload() + " bytes");
        }
        int need = hdr == null ? Encoder.pubCapacity(subject, replyTo, payload.length)
                : Encoder.hpubCapacity(subject, replyTo, hdr.length, payload.length);
        outLock.lock();
        try {
            ByteBuffer buf = reserveLocked(need, true);
            if (hdr == null) {
                Encoder.pub(buf, subject, replyTo, payload, 0, payload.length);
            } else {
                Encoder.hpub(buf, subject, replyTo, hdr, payload, 0, payload.length);
            }
            outMsgs++;
            outBytes += payload.length;
            wakeWriterLocked();
        } finally {
            outLock.unlock();
        }
    }

    private void sendPing(CompletableFuture<Void> pong) {
        outLock.lock();
        try {
            Session owner = outOwner;
            if (owner == null) {
                throw new NatsConnectionException("not connected (" + status + ")");
            }
            ByteBuffer buf = reserveLocked(6, false);
            Encoder.ping(buf);
            owner.pongs.add(pong);
            wakeWriterLocked();
        } finally {
            outLock.unlock();
        }
    }

    private void sendPong() {
        outLock.lock();
        try {
            if (outOwner != null) {
                Encoder.pong(reserveLocked(6, false));
                wakeWriterLocked();
            }
        } catch (NatsException ignored) {
            // closed meanwhile
        } finally {
            outLock.unlock();
        }
    }

    /** The writer thread of one session. */
    private void writeLoop(Session s) {
        while (true) {
            ByteBuffer buf;
            outLock.lock();
            try {
                while (outOwner == s && outPending.position() == 0) {
                    if (closing) {
                        writerBusy = false;
                        outSpace.signalAll();
                        return;
                    }
                    writerWaiting = true;
                    writerBusy = false;
                    outSpace.signalAll();
                    outReady.awaitUninterruptibly();
                }
                if (outOwner != s) {
                    writerBusy = false;
                    outSpace.signalAll();
                    return;
                }
                buf = outPending;
                outPending = outSpare != null ? outSpare : ByteBuffer.allocate(INITIAL_OUT_BUFFER);
                outSpare = null;
                writerBusy = true;
                outSpace.signalAll();
            } finally {
                outLock.unlock();
            }
            buf.flip();
            try {
                s.transport.write(buf);
            } catch (IOException | RuntimeException e) {
                outLock.lock();
                try {
                    writerBusy = false;
                    outSpace.signalAll();
                } finally {
                    outLock.unlock();
                }
                sessionFailed(s, e);
                return;
            }
            buf.clear();
            outLock.lock();
            try {
                if (outSpare == null) {
                    outSpare = buf;
                }
            } finally {
                outLock.unlock();
            }
        }
    }

    // ------------------------------------------------------------------ inbound

    /** Called by the reader thread for each MSG/HMSG. */
    private void onMessage(MsgView m) {
        inMsgs++;
        inBytes += m.payloadLength();
        NatsSubscription sub = subs.get(m.sid());
        if (sub == null) {
            return;
        }
        if (sub.isMux) {
            onReply(sub, m);
            return;
        }
        long n = ++sub.received;
        long max = sub.max;
        if (!sub.receiving || (max > 0 && n > max)) {
            return;
        }
        byte[] a = m.array();
        String subject = sub.literalSubject != null && m.subjectEquals(sub.literalSubject) ? sub.subject() : m.subject();
        String reply = m.replyLength() == 0 ? null : new String(a, m.replyOffset(), m.replyLength(), StandardCharsets.UTF_8);
        sub.enqueue(new NatsMessage(subject, reply, headerCopy(m), m.copyPayload(), sub));
        if (max > 0 && n == max) {
            // the server forgets the subscription after its max; so do we (pending still delivered)
            subs.remove(sub.sid);
            sub.stopReceiving();
        }
    }

    private static byte[] headerCopy(MsgView m) {
        int n = m.headersLength();
        return n == 0 ? null : Arrays.copyOfRange(m.array(), m.headersOffset(), m.headersOffset() + n);
    }

    private void onReply(NatsSubscription muxSub, MsgView m) {
        String prefix = muxPrefix;
        int plen = prefix.length();
        if (m.subjectLength() <= plen) {
            return;
        }
        String token = new String(m.array(), m.subjectOffset() + plen, m.subjectLength() - plen, StandardCharsets.UTF_8);
        CompletableFuture<Message> f = requests.remove(token);
        if (f == null) {
            return;
        }
        NatsMessage reply = new NatsMessage(m.subject(), null, headerCopy(m), m.copyPayload(), muxSub);
        try {
            if (reply.status() == 503) {
                f.completeExceptionally(new NoRespondersException("no responders for the request ("
                        + reply.subject() + ")"));
                return;
            }
        } catch (NatsException bad) {
            f.completeExceptionally(bad);
            return;
        }
        f.complete(reply);
    }

    private void processInfo(Session s, ServerInfo si, boolean async) {
        if (async) {
            // the parser keeps its generous default limit: a cluster peer with a larger max_payload
            // may route us messages bigger than our own server accepts from clients
            info = si;
        }
        if (!options.ignoreDiscoveredServers() && !si.connectUrls().isEmpty()) {
            if (pool.discovered(si.connectUrls(), s.entry.uri) && async) {
                fire(ConnectionEvent.DISCOVERED_SERVERS);
            }
        }
        if (si.lameDuckMode()) {
            fire(ConnectionEvent.LAME_DUCK);
        }
    }

    private void onServerError(Session s, String err) {
        String e = err.toLowerCase(Locale.ROOT);
        reportServerError(err);
        if (e.startsWith("permissions violation") || e.contains("maximum subscriptions exceeded")) {
            return;
        }
        // every other -ERR ends the connection on the server side; do not wait for the EOF
        sessionFailed(s, new NatsServerException(err));
    }

    // ------------------------------------------------------------------ subscriptions

    @Override
    public Subscription subscribe(String subject) {
        return subscribe(subject, null, null);
    }

    @Override
    public Subscription subscribe(String subject, String queueGroup) {
        if (queueGroup == null) {
            throw new NatsIllegalArgumentException("queue group must not be null");
        }
        return subscribe(subject, queueGroup, null);
    }

    @Override
    public Subscription subscribe(String subject, MessageHandler handler) {
        if (handler == null) {
            throw new NatsIllegalArgumentException("handler must not be null");
        }
        return subscribe(subject, null, handler);
    }

    @Override
    public Subscription subscribe(String subject, String queueGroup, MessageHandler handler) {
        if (subject == null) {
            throw new NatsIllegalArgumentException("subject must not be null");
        }
        Subjects.validateSubscribe(subject);
        if (queueGroup != null) {
            Subjects.validateQueue(queueGroup);
        }
        if (status == Status.DRAINING) {
            throw new NatsException("connection is draining: no new subscriptions");
        }
        return subscribeInternal(subject, queueGroup, handler, false);
    }

    private NatsSubscription subscribeInternal(String subject, String queue, MessageHandler handler, boolean isMux) {
        long sid = sids.incrementAndGet();
        NatsSubscription sub = new NatsSubscription(this, sid, subject, queue, handler,
                options.pendingMessageLimit(), options.pendingByteLimit(), isMux);
        outLock.lock();
        try {
            if (status == Status.CLOSED) {
                throw new NatsConnectionException("connection is closed");
            }
            ByteBuffer buf = outOwner == null ? null : reserveLocked(subCapacity(sub), false);
            subs.put(sid, sub);
            if (buf != null) {
                Encoder.sub(buf, subject, queue, sid);
                wakeWriterLocked();
            }
        } finally {
            outLock.unlock();
        }
        return sub;
    }

    void unsubscribe(NatsSubscription sub, int afterMessages) {
        outLock.lock();
        try {
            if (sub.isClosed() || status == Status.CLOSED) {
                return;
            }
            if (afterMessages > 0 && sub.received < afterMessages) {
                sub.max = afterMessages;
                if (outOwner != null) {
                    Encoder.unsub(reserveLocked(48, false), sub.sid, afterMessages);
                    wakeWriterLocked();
                }
                return;
            }
            if (afterMessages > 0 && sub.deliveredMessages() < afterMessages && sub.pendingMessages() > 0) {
                // enough received; let the pending ones be delivered, receive nothing more
                sub.max = afterMessages;
                subs.remove(sub.sid);
                sub.stopReceiving();
            } else {
                subs.remove(sub.sid);
                sub.close();
            }
            if (outOwner != null) {
                Encoder.unsub(reserveLocked(48, false), sub.sid, 0);
                wakeWriterLocked();
            }
        } finally {
            outLock.unlock();
        }
    }

    /** The auto-unsubscribe total was delivered. */
    void finishSubscription(NatsSubscription sub) {
        subs.remove(sub.sid);
        sub.close();
    }

    /** Hands a subscription's delivery task to the executor; false when it refused the task. */
    boolean dispatch(Runnable task) {
        try {
            dispatcher.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            if (status != Status.CLOSED) {
                reportException(new NatsException("the message handler executor refused a delivery task", e));
            }
            return false;
        }
    }

    void messageDropped(NatsSubscription sub, boolean slowStarted) {
        dropped.incrementAndGet();
        if (slowStarted) {
            listeners.slowConsumer(sub);
        }
    }

    void handlerFailed(NatsSubscription sub, Throwable t) {
        listeners.error("message handler", t);
    }

    boolean isClosed() {
        return status == Status.CLOSED;
    }

    // ------------------------------------------------------------------ request / reply

    private String ensureMux() {
        synchronized (muxLock) {
            if (mux == null) {
                muxPrefix = inboxPrefix + "." + Nuid.nextGlobal() + ".";
                mux = subscribeInternal(muxPrefix + "*", null, null, true);
                mux.setPendingLimits(0, 0);
            }
            return muxPrefix;
        }
    }

    @Override
    public Message request(String subject, byte[] data, Duration timeout) {
        return request(subject, null, data, timeout);
    }

    @Override
    public Message request(String subject, Headers headers, byte[] data, Duration timeout) {
        CompletableFuture<Message> f = request(subject, headers, data, timeout, false);
        try {
            return f.get(timeout.toNanos() + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            f.cancel(false);
            Thread.currentThread().interrupt();
            throw new NatsException("interrupted while waiting for a reply on '" + subject + "'", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof NatsException ne) {
                // rethrow a fresh exception of the same kind so the caller's stack shows here too
                throw rethrow(ne);
            }
            throw new NatsException("request on '" + subject + "' failed", c);
        } catch (TimeoutException e) {
            f.cancel(false);
            throw new NatsTimeoutException("no reply to the request on '" + subject + "' within " + timeout.toMillis() + " ms");
        }
    }

    private static NatsException rethrow(NatsException e) {
        if (e instanceof NatsTimeoutException) {
            return new NatsTimeoutException(e.getMessage(), e);
        }
        if (e instanceof NoRespondersException) {
            return new NoRespondersException(e.getMessage(), e);
        }
        if (e instanceof NatsConnectionException) {
            return new NatsConnectionException(e.getMessage(), e);
        }
        return e;
    }

    @Override
    public CompletableFuture<Message> requestAsync(String subject, byte[] data, Duration timeout) {
        // the reply completes the inner future on the reader thread; the caller's stages must not run
        // there (a blocking stage would stop every read), so they get a future completed elsewhere
        return requestAsync(subject, null, data, timeout);
    }

    @Override
    public CompletableFuture<Message> requestAsync(String subject, Headers headers, byte[] data, Duration timeout) {
        return request(subject, headers, data, timeout, true);
    }

    private CompletableFuture<Message> request(String subject, Headers headers, byte[] data, Duration timeout,
            boolean offReader) {
        CompletableFuture<Message> f = requestRaw(subject, headers, data, timeout);
        return offReader ? f.whenCompleteAsync((m, e) -> { }, asyncExecutor) : f;
    }

    private CompletableFuture<Message> requestRaw(String subject, Headers headers, byte[] data, Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new NatsIllegalArgumentException("request timeout must be positive, was " + timeout);
        }
        String prefix = ensureMux();
        String token = Long.toString(requestIds.incrementAndGet(), 36);
        CompletableFuture<Message> f = new CompletableFuture<>();
        requests.put(token, f);
        try {
            publish(subject, prefix + token, headers, data);
        } catch (RuntimeException e) {
            requests.remove(token);
            throw e;
        }
        ScheduledFuture<?> expiry = schedule(() -> {
            if (requests.remove(token, f)) {
                f.completeExceptionally(new NatsTimeoutException("no reply to the request on '" + subject
                        + "' within " + timeout.toMillis() + " ms"));
            }
        }, timeout.toNanos());
        f.whenComplete((m, e) -> {
            expiry.cancel(false);
            requests.remove(token, f);
        });
        return f;
    }

    /**
     * Entries in the request map; for tests of leak freedom.
     *
     * @return requests waiting for a reply
     */
    public int pendingRequests() {
        return requests.size();
    }

    @Override
    public String newInbox() {
        return inboxPrefix + "." + Nuid.nextGlobal();
    }

    // ------------------------------------------------------------------ flush, drain, close

    @Override
    public void flush(Duration timeout) {
        CompletableFuture<Void> pong = new CompletableFuture<>();
        sendPing(pong);
        try {
            pong.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NatsException("interrupted while flushing", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof NatsConnectionException nce ? new NatsConnectionException(nce.getMessage(), nce)
                    : new NatsConnectionException("flush failed", c);
        } catch (TimeoutException e) {
            throw new NatsTimeoutException("flush: no PONG within " + timeout.toMillis() + " ms");
        }
    }

    @Override
    public Duration rtt() {
        long start = System.nanoTime();
        flush(Duration.ofSeconds(10));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    CompletableFuture<Void> drainSubscription(NatsSubscription sub, Duration timeout) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!sub.isActive()) {
            done.complete(null);
            return done;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Thread t = newThread(() -> {
            try {
                drainSubs(List.of(sub), deadline);
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "drain-sub");
        t.start();
        return done;
    }

    /** UNSUB, a round trip so every message already sent arrives, then wait until handlers caught up. */
    private void drainSubs(List<NatsSubscription> list, long deadline) throws InterruptedException {
        outLock.lock();
        try {
            for (NatsSubscription sub : list) {
                // marked first, so a reconnect in between does not subscribe it again
                sub.draining = true;
                draining.add(sub);
                if (outOwner != null && !sub.isClosed()) {
                    Encoder.unsub(reserveLocked(48, false), sub.sid, 0);
                }
            }
            wakeWriterLocked();
        } finally {
            outLock.unlock();
        }
        try {
            flush(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } catch (NatsException notConfirmed) {
            // not connected or no PONG in time: nothing more is waited for; deliver what is pending
        }
        for (NatsSubscription sub : list) {
            subs.remove(sub.sid);
            sub.stopReceiving();
        }
        try {
            for (NatsSubscription sub : list) {
                if (!sub.awaitIdle(deadline)) {
                    throw new NatsTimeoutException("drain of '" + sub.subject() + "' timed out with "
                            + sub.pendingMessages() + " messages pending");
                }
            }
        } finally {
            for (NatsSubscription sub : list) {
                sub.close();
                draining.remove(sub);
            }
        }
    }

    @Override
    public CompletableFuture<Void> drain(Duration timeout) {
        synchronized (stateLock) {
            if (drainFuture != null) {
                return drainFuture;
            }
            drainFuture = new CompletableFuture<>();
            if (status == Status.CLOSED) {
                drainFuture.complete(null);
                return drainFuture;
            }
            status = Status.DRAINING;
            CompletableFuture<Void> done = drainFuture;
            long deadline = System.nanoTime() + timeout.toNanos();
            drainThread = newThread(() -> {
                Throwable failure = null;
                try {
                    List<NatsSubscription> list = new ArrayList<>(subs.values());
                    list.removeIf(s -> s.isMux);
                    drainSubs(list, deadline);
                    while (!requests.isEmpty() && System.nanoTime() < deadline && status != Status.CLOSED) {
                        sleepUnlessClosed(TimeUnit.MILLISECONDS.toNanos(5));
                    }
                    flush(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                } catch (Throwable e) {
                    failure = e;
                }
                closeInternal(null);
                if (failure == null) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(failure instanceof NatsException ? failure
                            : new NatsException("drain failed", failure));
                }
            }, "drain");
            drainThread.start();
            return done;
        }
    }

    @Override
    public void close() {
        closeInternal(null);
    }

    private void closeInternal(Throwable cause) {
        Session s;
        List<Thread> toJoin = new ArrayList<>();
        synchronized (stateLock) {
            if (status == Status.CLOSED) {
                return;
            }
            status = Status.CLOSED;
            stateLock.notifyAll();
            s = session;
            if (reconnectThread != null) {
                toJoin.add(reconnectThread);
                reconnectThread.interrupt();
            }
            if (drainThread != null) {
                toJoin.add(drainThread);
            }
            if (pingTask != null) {
                pingTask.cancel(false);
            }
        }
        Transport hs = handshaking;
        if (hs != null) {
            hs.close();
        }
        if (s != null) {
            flushOnClose(s);
            synchronized (stateLock) {
                s.dead = true;
                s.transport.close();
                detachLocked(s);
            }
            toJoin.add(s.reader);
            toJoin.add(s.writer);
            s.failPongs(new NatsConnectionException("connection closed"));
        }
        NatsConnectionException closed = new NatsConnectionException("connection closed");
        for (CompletableFuture<Message> f : new ArrayList<>(requests.values())) {
            f.completeExceptionally(closed);
        }
        requests.clear();
        for (NatsSubscription sub : subs.values()) {
            sub.close();
        }
        subs.clear();
        for (NatsSubscription sub : draining) {
            sub.close();
        }
        draining.clear();
        long joinUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (Thread t : toJoin) {
            join(t, joinUntil);
        }
        if (ownDispatcher != null) {
            ownDispatcher.shutdown();
        }
        fire(ConnectionEvent.CLOSED);
        timer.shutdown();
        listeners.shutdown(joinUntil);
        if (ownDispatcher != null && !isCurrentThreadNamed("dispatch")) {
            awaitQuietly(ownDispatcher, joinUntil);
        }
        if (!isCurrentThreadNamed("timer")) {
            awaitQuietly(timer, joinUntil);
        }
    }

    /** Gives the writer a short chance to send what was published before close. */
    private void flushOnClose(Session s) {
        if (s.dead || Thread.currentThread() == s.writer) {
            return;
        }
        long deadline = System.nanoTime() + Math.min(options.writeTimeout().toNanos(), TimeUnit.SECONDS.toNanos(2));
        outLock.lock();
        try {
            closing = true;
            if (writerWaiting) {
                writerWaiting = false;
                outReady.signal();
            }
            while (outOwner == s && (outPending.position() > 0 || writerBusy)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                outSpace.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            outLock.unlock();
        }
    }

    private boolean isCurrentThreadNamed(String role) {
        return Thread.currentThread().getName().equals("nats4j-" + role + "-" + id);
    }

    private static void join(Thread t, long deadline) {
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(ExecutorService ex, long deadline) {
        try {
            if (!ex.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                ex.shutdownNow();
            }
        } catch (InterruptedException e) {
            ex.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ events and accessors

    private ScheduledFuture<?> schedule(Runnable r, long nanos) {
        try {
            return timer.schedule(r, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            throw new NatsConnectionException("connection is closed");
        }
    }

    private void fire(ConnectionEvent e) {
        listeners.event(e);
    }

    private void reportException(Throwable t) {
        listeners.error("connection", t);
    }

    private void reportServerError(String err) {
        listeners.serverError(err);
    }

    @Override
    public Registration addConnectionListener(ConnectionListener listener) {
        if (listener == null) {
            throw new NatsIllegalArgumentException("listener must not be null");
        }
        return listeners.addConnectionListener(listener);
    }

    @Override
    public Registration addErrorListener(ErrorListener listener) {
        if (listener == null) {
            throw new NatsIllegalArgumentException("listener must not be null");
        }
        return listeners.addErrorListener(listener);
    }

    @Override
    public Status status() {
        return status;
    }

    @Override
    public ServerInfo serverInfo() {
        ServerInfo si = info;
        if (si == null) {
            throw new NatsConnectionException("not connected to any server yet");
        }
        return si;
    }

    @Override
    public Optional<String> connectedUrl() {
        Session s = session;
        return s == null || s.dead || status == Status.CLOSED ? Optional.empty() : Optional.of(s.entry.uri.redacted());
    }

    @Override
    public Statistics statistics() {
        long om;
        long ob;
        outLock.lock();
        try {
            om = outMsgs;
            ob = outBytes;
        } finally {
            outLock.unlock();
        }
        return new Statistics(inMsgs, om, inBytes, ob, reconnects.get(), dropped.get());
    }

    @Override
    public long maxPayload() {
        return serverInfo().maxPayload();
    }

    /**
     * The servers currently in the pool, redacted; for tests and diagnostics.
     *
     * @return the pool's URLs
     */
    public List<String> serverPool() {
        List<String> out = new ArrayList<>();
        for (ServerPool.Entry e : pool.snapshot()) {
            out.add(e.uri.redacted());
        }
        return out;
    }

    @Override
    public String toString() {
        return "Connection[" + id + ", " + status + connectedUrl().map(u -> ", " + u).orElse("") + "]";
    }

    // ------------------------------------------------------------------ session

    /** One transport to one server, with its reader and writer threads and PONG bookkeeping. */
    final class Session implements ParserSink {
        final Transport transport;
        final ServerPool.Entry entry;
        final Parser parser = new Parser(this);
        final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER);
        final ConcurrentLinkedQueue<CompletableFuture<Void>> pongs = new ConcurrentLinkedQueue<>();
        volatile int pingsOut;
        volatile boolean dead;
        Thread reader;
        Thread writer;
        boolean handshakeDone;
        ServerInfo handshakeInfo;
        boolean handshakePong;
        String handshakeError;

        Session(Transport transport, ServerPool.Entry entry) {
            this.transport = transport;
            this.entry = entry;
        }

        void readUntilHandshake(java.util.function.BooleanSupplier done) throws IOException {
            while (!done.getAsBoolean()) {
                readBuffer.clear();
                int n = transport.read(readBuffer);
                if (n < 0) {
                    throw new IOException("server closed the connection during the handshake"
                            + (handshakeError == null ? "" : ": " + handshakeError));
                }
                readBuffer.flip();
                parser.parse(readBuffer);
            }
        }

        void start() {
            handshakeDone = true;
            reader = newThread(this::readLoop, "reader");
            writer = newThread(() -> writeLoop(this), "writer");
            reader.start();
            writer.start();
        }

        private void readLoop() {
            try {
                while (!dead) {
                    readBuffer.clear();
                    int n = transport.read(readBuffer);
                    if (n < 0) {
                        sessionFailed(this, new IOException("connection closed by the server"));
                        return;
                    }
                    readBuffer.flip();
                    parser.parse(readBuffer);
                }
            } catch (IOException e) {
                sessionFailed(this, e);
            } catch (NatsException e) {
                reportException(e);
                sessionFailed(this, e);
            } catch (Throwable t) {
                reportException(t);
                sessionFailed(this, t);
            }
        }

        void failPongs(NatsException e) {
            CompletableFuture<Void> f;
            while ((f = pongs.poll()) != null) {
                if (f != KEEPALIVE) {
                    f.completeExceptionally(e);
                }
            }
        }

        @Override
        public void onMsg(MsgView msg) {
            if (dead) {
                return; // the rest of a failed session's last read
            }
            onMessage(msg);
        }

        @Override
        public void onInfo(ServerInfo si) {
            if (dead) {
                return; // the rest of a failed session's last read
            }
            if (!handshakeDone) {
                handshakeInfo = si;
                return;
            }
            processInfo(this, si, true);
        }

        @Override
        public void onPing() {
            if (dead) {
                return; // the rest of a failed session's last read
            }
            if (!handshakeDone) {
                try {
                    transport.write(ByteBuffer.wrap("PONG\r\n".getBytes(StandardCharsets.US_ASCII)));
                } catch (IOException e) {
                    throw new NatsConnectionException("could not answer PING during the handshake", e);
                }
                return;
            }
            sendPong();
        }

        @Override
        public void onPong() {
            if (dead) {
                return; // the rest of a failed session's last read
            }
            if (!handshakeDone) {
                handshakePong = true;
                return;
            }
            pingsOut = 0;
            CompletableFuture<Void> f = pongs.poll();
            if (f != null && f != KEEPALIVE) {
                f.complete(null);
            }
        }

        @Override
        public void onOk() {
            // verbose mode acknowledgement; nothing waits for it
        }

        @Override
        public void onErr(String error) {
            if (dead) {
                return; // the rest of a failed session's last read
            }
            if (!handshakeDone) {
                handshakeError = error;
                return;
            }
            onServerError(this, error);
        }
    }
}
