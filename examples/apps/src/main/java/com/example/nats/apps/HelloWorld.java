package com.example.nats.apps;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.nats4j.client.Connection;
import io.nats4j.client.Message;
import io.nats4j.client.Nats;
import java.time.Duration;

/** The README's first snippet: a responder and a request on one connection. */
public final class HelloWorld {

    private HelloWorld() {
    }

    /**
     * Connects, answers {@code greet.*}, asks {@code greet.joe} and prints the reply.
     *
     * @param args the server URL, default {@code nats://localhost:4222}
     */
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "nats://localhost:4222";
        // README: hello
        try (Connection nc = Nats.connect(url)) {
            nc.subscribe("greet.*", msg -> msg.respond(("hello " + msg.subject()).getBytes(UTF_8)));
            Message reply = nc.request("greet.joe", new byte[0], Duration.ofSeconds(1));
            System.out.println(reply.dataAsString());
        }
        // README: end
    }
}
