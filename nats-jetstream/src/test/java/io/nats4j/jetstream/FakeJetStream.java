package io.nats4j.jetstream;

import io.nats4j.testing.FakeServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted JetStream server for statuses a real one will not send on cue: it speaks enough of the
 * client protocol (SUB/UNSUB/PUB/HPUB/PING) to let the test read what the client published and write
 * messages and statuses to the client's subscriptions.
 */
final class FakeJetStream implements AutoCloseable {

    /** One PUB/HPUB from the client. */
    record Pub(String subject, String reply, String payload) {
    }

    private final FakeServer server;
    private final BlockingQueue<Pub> pubs = new LinkedBlockingQueue<>();
    private final Map<String, String> subs = new ConcurrentHashMap<>(); // sid -> subject
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile FakeServer.Connection conn;

    FakeJetStream() {
        server = FakeServer.start(c -> {
            c.writeInfo("\"jetstream\":true");
            c.acceptHandshake();
            conn = c;
            connected.countDown();
            readLoop(c);
        });
    }

    String url() {
        return server.url();
    }

    private void readLoop(FakeServer.Connection c) throws IOException {
        InputStream in = c.in();
        String line;
        while ((line = c.readLine()) != null) {
            String[] t = line.split(" ");
            switch (t[0]) {
                case "PING" -> write("PONG\r\n");
                case "SUB" -> subs.put(t[t.length - 1], t[1]);
                case "UNSUB" -> subs.remove(t[1]);
                case "PUB" -> {
                    int size = Integer.parseInt(t[t.length - 1]);
                    byte[] body = in.readNBytes(size + 2);
                    pubs.add(new Pub(t[1], t.length == 4 ? t[2] : null,
                            new String(body, 0, size, StandardCharsets.UTF_8)));
                }
                case "HPUB" -> {
                    int hdr = Integer.parseInt(t[t.length - 2]);
                    int total = Integer.parseInt(t[t.length - 1]);
                    byte[] body = in.readNBytes(total + 2);
                    pubs.add(new Pub(t[1], t.length == 5 ? t[2] : null,
                            new String(body, hdr, total - hdr, StandardCharsets.UTF_8)));
                }
                default -> {
                    // PONG and anything else: nothing to do
                }
            }
        }
    }

    synchronized void write(String s) throws IOException {
        conn.write(s);
    }

    /** The next publish on a subject starting with {@code prefix}; others are skipped. */
    Pub next(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + JsTestSupport.WAIT.toNanos();
        while (true) {
            Pub p = pubs.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (p == null) {
                throw new AssertionError("no publish on " + prefix + "* came");
            }
            if (p.subject().startsWith(prefix)) {
                return p;
            }
        }
    }

    /** Whether a publish on {@code prefix}* arrives within {@code wait} (others skipped). */
    Pub poll(String prefix, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Pub p = left <= 0 ? null : pubs.poll(left, TimeUnit.NANOSECONDS);
            if (p == null || p.subject().startsWith(prefix)) {
                return p;
            }
        }
    }

    private String sidFor(String subject) {
        for (Map.Entry<String, String> e : subs.entrySet()) {
            if (matches(e.getValue(), subject)) {
                return e.getKey();
            }
        }
        throw new AssertionError("the client has no subscription matching " + subject + ": " + subs);
    }

    private static boolean matches(String pattern, String subject) {
        String[] p = pattern.split("\\.");
        String[] s = subject.split("\\.");
        for (int i = 0; i < p.length; i++) {
            if (p[i].equals(">")) {
                return s.length > i;
            }
            if (i >= s.length || !(p[i].equals("*") || p[i].equals(s[i]))) {
                return false;
            }
        }
        return p.length == s.length;
    }

    /** Answers a request (or delivers a plain message) to {@code to}. */
    void reply(String to, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        write("MSG " + to + " " + sidFor(to) + " " + b.length + "\r\n" + json + "\r\n");
    }

    /** Sends a status ({@code NATS/1.0 <code> <description>}) with extra header lines to {@code to}. */
    void status(String to, int code, String description, String... headerLines) throws IOException {
        StringBuilder h = new StringBuilder("NATS/1.0 " + code + (description.isEmpty() ? "" : " " + description) + "\r\n");
        for (String l : headerLines) {
            h.append(l).append("\r\n");
        }
        h.append("\r\n");
        write("HMSG " + to + " " + sidFor(to) + " " + h.length() + " " + h.length() + "\r\n" + h + "\r\n");
    }

    /** Sends a status carrying a reply subject (flow control). */
    void statusWithReply(String to, String reply, int code, String description) throws IOException {
        String h = "NATS/1.0 " + code + " " + description + "\r\n\r\n";
        write("HMSG " + to + " " + sidFor(to) + " " + reply + " " + h.length() + " " + h.length() + "\r\n" + h + "\r\n");
    }

    /** Delivers a JetStream message for a pull request whose reply is {@code to}. */
    void deliver(String to, String stream, String consumer, long sseq, long cseq, long pending, String data)
            throws IOException {
        String ack = "$JS.ACK." + stream + "." + consumer + ".1." + sseq + "." + cseq + ".1700000000000000000." + pending;
        byte[] b = data.getBytes(StandardCharsets.UTF_8);
        write("MSG " + stream + ".subj " + sidFor(to) + " " + ack + " " + b.length + "\r\n" + data + "\r\n");
    }

    static String consumerInfo(String stream, String name) {
        return "{\"type\":\"io.nats.jetstream.api.v1.consumer_info_response\",\"stream_name\":\"" + stream
                + "\",\"name\":\"" + name + "\",\"created\":\"2026-12-01T00:00:00Z\",\"config\":{\"name\":\"" + name
                + "\",\"deliver_policy\":\"all\",\"ack_policy\":\"explicit\"},\"num_pending\":0}";
    }

    static String streamInfo(String stream) {
        return "{\"type\":\"io.nats.jetstream.api.v1.stream_info_response\",\"created\":\"2026-12-01T00:00:00Z\","
                + "\"config\":{\"name\":\"" + stream + "\",\"subjects\":[\"" + stream + ".>\"]},\"state\":{}}";
    }

    void awaitConnected() throws InterruptedException {
        if (!connected.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("client did not connect to the fake");
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
