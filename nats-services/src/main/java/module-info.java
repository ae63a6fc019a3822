/** NATS services (the "micro" protocol): endpoints with stats, discovery, error replies. */
module io.nats4j.services {
    requires transitive io.nats4j.client; // Connection, Message and Headers appear in our API
    requires com.fasterxml.jackson.core; // discovery JSON, streaming only

    exports io.nats4j.services;
}
