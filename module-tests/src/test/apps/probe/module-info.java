/** A small application that needs nothing but the client API; the transports and auth come from the path. */
module app.probe {
    requires io.nats4j.client;
}
