package com.example.nats.apps;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.nats4j.client.Connection;
import io.nats4j.client.Message;
import io.nats4j.client.Nats;
import io.nats4j.client.Subscription;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A request/reply service: answers {@code time.now} with the current instant and
 * {@code time.in.<zone>} with the local time there; instances share the load through the queue
 * group {@code time}. Bad requests get an error reply instead of silence, so a caller never waits
 * for its timeout to learn it asked wrongly.
 */
public final class TimeService implements AutoCloseable {

    /** The queue group every instance joins. */
    public static final String QUEUE = "time";

    private final Clock clock;
    private final Subscription now;
    private final Subscription in;

    private TimeService(Connection nc, Clock clock) {
        this.clock = clock;
        this.now = nc.subscribe("time.now", QUEUE, this::now);
        this.in = nc.subscribe("time.in.>", QUEUE, this::in);
    }

    /**
     * Starts answering on the given connection.
     *
     * @param nc the connection to serve on
     * @param clock where the time comes from
     * @return the running service; {@link #close()} stops it
     */
    public static TimeService start(Connection nc, Clock clock) {
        return new TimeService(nc, clock);
    }

    private void now(Message request) {
        request.respond(Instant.now(clock).toString().getBytes(UTF_8));
    }

    private void in(Message request) {
        String zone = request.subject().substring("time.in.".length()).replace('.', '/');
        String answer;
        try {
            answer = Instant.now(clock).atZone(ZoneId.of(zone)).toLocalDateTime().toString();
        } catch (DateTimeException e) { // ZoneRulesException and malformed ids alike
            answer = "error: unknown time zone '" + zone + "'";
        }
        request.respond(answer.getBytes(UTF_8));
    }

    /** Stops answering (unsubscribes; requests in flight are still answered). */
    @Override
    public void close() {
        now.unsubscribe();
        in.unsubscribe();
    }

    /**
     * Runs the service and asks it once, as a client in another process would.
     *
     * @param args the server URL, default {@code nats://localhost:4222}
     */
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "nats://localhost:4222";
        try (Connection server = Nats.connect(url); Connection client = Nats.connect(url)) {
            TimeService.start(server, Clock.systemUTC());   // stops when its connection closes
            server.flush(Duration.ofSeconds(2));
            System.out.println("time.now -> " + client.request("time.now", new byte[0], Duration.ofSeconds(2)).dataAsString());
            System.out.println("time.in.Europe.Paris -> "
                    + client.request("time.in.Europe.Paris", new byte[0], Duration.ofSeconds(2)).dataAsString());
        }
    }
}
