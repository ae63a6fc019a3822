package com.example.nats.counting;

import io.nats4j.protocol.spi.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** A transport that passes everything to another one and counts the bytes that went through. */
final class CountingTransport implements Transport {

    private final Transport inner;
    private final ByteCounter counter;

    CountingTransport(Transport inner, ByteCounter counter) {
        this.inner = inner;
        this.counter = counter;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = inner.read(dst);
        if (n > 0) {
            counter.addRead(n);
        }
        return n;
    }

    @Override
    public void write(ByteBuffer... srcs) throws IOException {
        long before = remaining(srcs);
        try {
            inner.write(srcs);
        } finally {
            // a failed write may have sent part of the buffers: count what left them
            counter.addWritten(before - remaining(srcs));
        }
    }

    private static long remaining(ByteBuffer[] srcs) {
        long n = 0;
        for (ByteBuffer b : srcs) {
            n += b.remaining();
        }
        return n;
    }

    @Override
    public void upgradeToTls() throws IOException {
        inner.upgradeToTls();
    }

    @Override
    public boolean isSecure() {
        return inner.isSecure();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return inner.remoteAddress();
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public String toString() {
        return "CountingTransport[" + inner + "]";
    }
}
