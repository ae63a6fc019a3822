package com.example.nats.apps;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import io.nats4j.client.Connection;
import io.nats4j.client.ErrorListener;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** The README's "Connecting" snippet: every common option in one builder. */
public final class Connecting {

    private static final System.Logger log = System.getLogger("com.example.orders");

    private Connecting() {
    }

    /**
     * The options of the snippet.
     *
     * @param context the TLS context
     * @return options for a two-server cluster with user/password auth over TLS
     */
    static Options options(SSLContext context) {
        // README: connecting
        Options options = Options.builder()
            .servers("nats://a:4222", "nats://b:4222")     // or one "nats://a:4222,nats://b:4222"
            .connectionName("orders")
            .userInfo("alice", "s3cret")                    // or token(...), nkey(seed), credentials(path), authenticator(...)
            .sslContext(context)                            // TLS, host name verified by default
            .connectTimeout(Duration.ofSeconds(2))
            .pingInterval(Duration.ofMinutes(2)).maxPingsOut(2)
            .reconnectWait(Duration.ofSeconds(2)).maxReconnects(60)  // -1 forever
            .reconnectBufferSize(8 * 1024 * 1024)
            .connectionListener((conn, event) -> log.log(INFO, "nats: {0}", event))
            .errorListener(new ErrorListener() {
                @Override
                public void exception(Connection conn, Throwable t) {
                    log.log(WARNING, "nats: " + t);
                }
            })
            .build();
        // README: end
        return options;
    }

    /**
     * Connects with a server URL and this snippet's listeners, then prints the server's version.
     *
     * @param args the server URL, default {@code nats://localhost:4222}
     */
    public static void main(String[] args) {
        Options options = Options.builder()
            .server(args.length > 0 ? args[0] : "nats://localhost:4222")
            .connectionName("orders")
            .connectionListener((conn, event) -> log.log(INFO, "nats: {0}", event))
            .build();
        try (Connection nc = Nats.connect(options)) {
            System.out.println("connected to nats-server " + nc.serverInfo().version());
        }
    }
}
