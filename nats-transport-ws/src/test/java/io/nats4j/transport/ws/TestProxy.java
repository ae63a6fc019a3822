package io.nats4j.transport.ws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal HTTP {@code CONNECT} proxy on loopback for the proxy tests: tunnels to the requested
 * loopback port (or refuses with a given status line) and counts the bytes it relays to the client.
 */
final class TestProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String refusal;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicLong toClient = new AtomicLong();
    private volatile boolean closed;

    /** @param refusal a status line to answer instead of tunnelling, or null to tunnel */
    TestProxy(String refusal) throws IOException {
        this.refusal = refusal;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start(this::acceptLoop, "test-proxy-accept");
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    }

    /** The CONNECT request lines received. */
    List<String> requests() {
        return requests;
    }

    /** Bytes relayed from servers to clients so far. */
    long bytesToClient() {
        return toClient.get();
    }

    private void start(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                start(() -> tunnel(client), "test-proxy-conn");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void tunnel(Socket client) {
        try {
            InputStream in = client.getInputStream();
            String request = readHead(in);
            requests.add(request.split("\r\n")[0]);
            OutputStream out = client.getOutputStream();
            if (refusal != null) {
                out.write((refusal + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                client.close();
                return;
            }
            String target = request.split(" ")[1];
            int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
            Socket server = new Socket(InetAddress.getLoopbackAddress(), port); // loopback only, whatever was asked
            sockets.add(server);
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            start(() -> pump(client, server, null), "test-proxy-up");
            pump(server, client, toClient);
        } catch (IOException e) {
            // a test closed its side; nothing to report
        }
    }

    private static void pump(Socket from, Socket to, AtomicLong counter) {
        byte[] buf = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buf)) > 0;) {
                out.write(buf, 0, n);
                if (counter != null) {
                    counter.addAndGet(n);
                }
            }
        } catch (IOException e) {
            // either side closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // closing both ends of a tunnel
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("client closed during CONNECT");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws Exception {
        closed = true;
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
        for (Thread t : threads) {
            t.join(5000);
        }
    }
}
