package io.nats4j.client.internal;

import java.util.concurrent.atomic.AtomicLong;

/** Inbound and reconnect counters of a connection; outbound ones live in {@link OutboundBuffer}. */
final class Counters {
    /** Written by the current reader thread only (one at a time); read racily for statistics. */
    long inMsgs;
    long inBytes;
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
}
