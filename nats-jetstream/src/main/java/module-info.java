/**
 * JetStream for nats4j: streams, consumers, publish with acknowledgements and pull consumption,
 * built only on the public {@code io.nats4j.client} API.
 */
module io.nats4j.jetstream {
    requires transitive io.nats4j.client; // Connection, Headers and the exceptions appear in our API
    requires com.fasterxml.jackson.core; // JetStream API JSON, streaming only

    exports io.nats4j.jetstream;
    exports io.nats4j.jetstream.kv; // Key/Value buckets (ADR-8)
    exports io.nats4j.jetstream.os; // Object Store buckets (ADR-20)
}
