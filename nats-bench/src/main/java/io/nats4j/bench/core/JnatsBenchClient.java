package io.nats4j.bench.core;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/** {@link BenchClient} over an io.nats:jnats connection (the race's reference client). */
final class JnatsBenchClient implements BenchClient {

    private final Connection nc;
    private Dispatcher dispatcher;

    private JnatsBenchClient(Connection nc) {
        this.nc = nc;
    }

    static BenchClient connect(ConnectSpec spec, String name) {
        Options.Builder b = new Options.Builder().servers(spec.serverList()).connectionName(name)
                .connectionTimeout(spec.connectTimeout());
        if (spec.user() != null) {
            b.userInfo(spec.user(), spec.password());
        }
        if (spec.token() != null) {
            b.token(spec.token().toCharArray());
        }
        if (spec.credentials() != null) {
            b.authHandler(Nats.credentials(spec.credentials().toString()));
        }
        if (spec.nkeySeedFile() != null) {
            char[] seed = Nats4jBenchClient.readSeed(spec);
            b.authHandler(Nats.staticCredentials(null, seed));
        }
        if (spec.hasTlsFiles()) {
            b.sslContext(PemTls.context(spec.tlsCa(), spec.tlsCert(), spec.tlsKey()));
        }
        if (spec.tlsFirst()) {
            b.tlsFirst();
        }
        try {
            return new JnatsBenchClient(Nats.connect(b.build()));
        } catch (IOException | RuntimeException e) {
            throw new BenchException("cannot connect (" + Redact.urls(spec.servers()) + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while connecting", e);
        }
    }

    @Override
    public void publish(String subject, byte[] data) {
        nc.publish(subject, data);
    }

    @Override
    public void publish(String subject, String replyTo, byte[] data) {
        nc.publish(subject, replyTo, data);
    }

    @Override
    public BenchSubscription subscribe(String subject, String queue, Receiver receiver) {
        Dispatcher d = dispatcher();
        io.nats.client.MessageHandler h = m -> receiver.onMessage(m.getData(), m.getReplyTo());
        Subscription s = queue == null ? d.subscribe(subject, h) : d.subscribe(subject, queue, h);
        s.setPendingLimits(-1, -1);
        return new BenchSubscription() {
            @Override
            public void unsubscribe() {
                d.unsubscribe(s);
            }

            @Override
            public long dropped() {
                return s.getDroppedCount();
            }
        };
    }

    /** One dispatcher (one thread) per connection, as jnats applications use it: 100 k subscriptions stay 1 thread. */
    private synchronized Dispatcher dispatcher() {
        if (dispatcher == null) {
            dispatcher = nc.createDispatcher();
            dispatcher.setPendingLimits(-1, -1);
        }
        return dispatcher;
    }

    @Override
    public byte[] request(String subject, byte[] data, Duration timeout) {
        try {
            Message m = nc.request(subject, data, timeout);
            return m == null ? null : m.getData();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }

    @Override
    public CompletableFuture<byte[]> requestAsync(String subject, byte[] data, Duration timeout) {
        return nc.requestWithTimeout(subject, data, timeout).thenApply(m -> m.getData());
    }

    @Override
    public void flush(Duration timeout) {
        try {
            nc.flush(timeout);
        } catch (TimeoutException e) {
            throw new BenchException("flush timed out after " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }

    @Override
    public long reconnects() {
        return nc.getStatistics().getReconnects();
    }

    @Override
    public long dropped() {
        return nc.getStatistics().getDroppedCount();
    }

    @Override
    public String connectedUrl() {
        String url = nc.getConnectedUrl();
        return url == null ? "?" : Redact.urls(url);
    }

    @Override
    public void close() {
        try {
            nc.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
