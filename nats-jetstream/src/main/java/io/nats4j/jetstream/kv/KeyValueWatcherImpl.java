package io.nats4j.jetstream.kv;

import io.nats4j.jetstream.ConsumeContext;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.DeliverPolicy;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.OrderedConsumerConfig;
import io.nats4j.jetstream.Stream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A watch as an ordered consumer on the bucket's stream. The initial values end with the first
 * message whose pending count is 0, or once as many messages arrived as the new consumer had pending;
 * when it had nothing pending (an empty bucket, no matching key) or only updates are asked, the
 * marker completes at once, so it is always sent.
 */
final class KeyValueWatcherImpl implements KeyValueWatcher {
    /** Short heartbeats so a lost server is noticed within seconds and the ordered consumer resumes. */
    private static final ConsumeOptions CONSUME = ConsumeOptions.builder().expires(Duration.ofSeconds(10))
            .idleHeartbeat(Duration.ofSeconds(2)).build();

    private final CompletableFuture<Void> initialValuesDone = new CompletableFuture<>();
    private final ConsumeContext context;
    private volatile boolean closed;

    KeyValueWatcherImpl(JetStream js, KeyValueImpl kv, Stream stream, String filter, WatchOptions options,
            Consumer<KeyValueEntry> onEntry) {
        DeliverPolicy policy = options.updatesOnly() ? DeliverPolicy.NEW
                : options.includeHistory() ? DeliverPolicy.ALL : DeliverPolicy.LAST_PER_SUBJECT;
        OrderedConsumerConfig config = OrderedConsumerConfig.builder().filterSubject(filter).deliverPolicy(policy)
                .headersOnly(options.metaOnly()).build();
        io.nats4j.jetstream.Consumer consumer = js.orderedConsumer(stream.name(), config);
        // the server consumer exists once info() returns and delivers nothing before the first pull,
        // so its pending count is exactly the number of initial values
        long initial = options.updatesOnly() ? 0 : consumer.info().numPending();
        if (initial == 0) {
            initialValuesDone.complete(null);
        }
        AtomicLong received = new AtomicLong(); // callbacks run one at a time; atomic for visibility only
        this.context = consumer.consume(CONSUME, m -> {
            if (closed) {
                return;
            }
            KeyValueEntry e = kv.entry(m);
            try {
                if (!options.ignoreDeletes() || e.operation() == KeyValueOperation.PUT) {
                    onEntry.accept(e);
                }
            } finally {
                // nothing pending, or every initial value seen (under a steady stream of writes the
                // pending count may never reach 0)
                if (e.delta() == 0 || received.incrementAndGet() >= initial) {
                    initialValuesDone.complete(null);
                }
            }
        });
    }

    @Override
    public CompletableFuture<Void> initialValuesDone() {
        return initialValuesDone.copy();
    }

    @Override
    public void close() {
        closed = true;
        context.close();
    }
}
