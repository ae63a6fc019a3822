/**
 * Example applications: the README's snippets as programs that compile and run, and a
 * request/reply service. Needs only {@code io.nats4j.client}; the TCP transport comes as a
 * runtime dependency of the client and is found on the path.
 */
module com.example.nats.apps {
    requires transitive io.nats4j.client; // Connection appears in TimeService.start
    exports com.example.nats.apps;
}
