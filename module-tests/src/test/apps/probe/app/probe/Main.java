package app.probe;

import io.nats4j.client.Connection;
import io.nats4j.client.Message;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeSet;

/**
 * Connects, publishes and requests, then prints what happened as {@code key=value} lines.
 * Arguments: {@code <url> [creds-file]}, or {@code --expect-failure <url>} to print the connect error.
 */
public final class Main {

    public static void main(String[] args) throws Exception {
        TreeSet<String> ours = new TreeSet<>();
        for (Module m : ModuleLayer.boot().modules()) {
            if (!m.getName().startsWith("java.") && !m.getName().startsWith("jdk.")) {
                ours.add(m.getName());
            }
        }
        System.out.println("layer=" + String.join(",", ours));
        System.out.println("named=" + Main.class.getModule().isNamed() + "," + Connection.class.getModule().isNamed());
        System.out.println("jfr=" + ModuleLayer.boot().findModule("jdk.jfr").isPresent());
        if (args[0].equals("--expect-failure")) {
            try (Connection nc = Nats.connect(Options.builder().server(args[1]).maxReconnects(0).build())) {
                System.out.println("unexpected=connected to " + nc.connectedUrl().orElse("?"));
            } catch (RuntimeException e) {
                System.out.println("error=" + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            return;
        }
        Options.Builder options = Options.builder().server(args[0]);
        if (args.length > 1) {
            options.credentials(Path.of(args[1]));
        }
        Duration wait = Duration.ofSeconds(5);
        try (Connection nc = Nats.connect(options.build())) {
            System.out.println("connected=" + nc.connectedUrl().orElse("?"));
            Subscription sub = nc.subscribe("probe.pub");
            nc.subscribe("probe.echo", m -> m.respond(m.data()));
            nc.flush(wait);
            nc.publish("probe.pub", "one".getBytes(StandardCharsets.UTF_8));
            Message got = sub.nextMessage(wait);
            System.out.println("publish=" + (got == null ? "nothing received" : got.dataAsString()));
            Message reply = nc.request("probe.echo", "two".getBytes(StandardCharsets.UTF_8), wait);
            System.out.println("request=" + reply.dataAsString());
        }
    }
}
