package io.nats4j.bench.core;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.client.Subscription;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsTimeoutException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/** {@link BenchClient} over a nats4j {@link Connection}. */
final class Nats4jBenchClient implements BenchClient {

    private final Connection nc;

    private Nats4jBenchClient(Connection nc) {
        this.nc = nc;
    }

    static BenchClient connect(ConnectSpec spec, String name) {
        Options.Builder b = Options.builder().servers(spec.serverList()).connectionName(name)
                .connectTimeout(spec.connectTimeout()).pendingLimits(-1, -1);
        if (spec.user() != null) {
            b.userInfo(spec.user(), spec.password());
        }
        if (spec.token() != null) {
            b.token(spec.token());
        }
        if (spec.credentials() != null) {
            b.credentials(spec.credentials());
        }
        if (spec.nkeySeedFile() != null) {
            char[] seed = readSeed(spec);
            try {
                b.nkey(seed);
            } finally {
                Arrays.fill(seed, '\0');
            }
        }
        if (spec.hasTlsFiles()) {
            b.sslContext(PemTls.context(spec.tlsCa(), spec.tlsCert(), spec.tlsKey()));
        }
        if (spec.tlsFirst()) {
            b.tlsHandshakeFirst();
        }
        try {
            return new Nats4jBenchClient(Nats.connect(b.build()));
        } catch (NatsException e) {
            throw new BenchException("cannot connect (" + Redact.urls(spec.servers()) + "): " + e.getMessage(), e);
        }
    }

    static char[] readSeed(ConnectSpec spec) {
        try {
            return Files.readString(spec.nkeySeedFile()).trim().toCharArray();
        } catch (IOException e) {
            throw new BenchException("--nkey " + spec.nkeySeedFile() + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** The nats4j connection, for the JetStream workloads. */
    Connection connection() {
        return nc;
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
        Subscription s = queue == null
                ? nc.subscribe(subject, m -> receiver.onMessage(m.data(), m.replyTo().orElse(null)))
                : nc.subscribe(subject, queue, m -> receiver.onMessage(m.data(), m.replyTo().orElse(null)));
        s.setPendingLimits(-1, -1);
        return new BenchSubscription() {
            @Override
            public void unsubscribe() {
                s.unsubscribe();
            }

            @Override
            public long dropped() {
                return s.droppedMessages();
            }
        };
    }

    @Override
    public byte[] request(String subject, byte[] data, Duration timeout) {
        try {
            return nc.request(subject, data, timeout).data();
        } catch (NatsTimeoutException e) {
            return null;
        }
    }

    @Override
    public CompletableFuture<byte[]> requestAsync(String subject, byte[] data, Duration timeout) {
        return nc.requestAsync(subject, data, timeout).thenApply(m -> m.data());
    }

    @Override
    public void flush(Duration timeout) {
        nc.flush(timeout);
    }

    @Override
    public long reconnects() {
        return nc.statistics().reconnects();
    }

    @Override
    public long dropped() {
        return nc.statistics().droppedMessages();
    }

    @Override
    public String connectedUrl() {
        return nc.connectedUrl().orElse("?");
    }

    @Override
    public void close() {
        nc.close();
    }
}
