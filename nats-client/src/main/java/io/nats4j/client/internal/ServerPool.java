package io.nats4j.client.internal;

import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.internal.Hosts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The servers a connection may use: the configured ones (shuffled unless told not to) plus those
 * the cluster announces in INFO {@code connect_urls}. Thread-safe.
 */
final class ServerPool {

    static final class Entry {
        final NatsUri uri;
        final boolean discovered;
        /** Host name to verify a TLS certificate against when {@link #uri} holds a gossiped IP. */
        final Optional<String> tlsHostname;
        int failedAttempts;
        long lastAttemptNanos;
        boolean attempted;
        String lastAuthError;

        Entry(NatsUri uri, boolean discovered, Optional<String> tlsHostname) {
            this.uri = uri;
            this.discovered = discovered;
            this.tlsHostname = tlsHostname;
        }

        boolean sameServer(String host, int port) {
            return uri.port() == port && uri.host().equalsIgnoreCase(host);
        }

        @Override
        public String toString() {
            return uri.redacted();
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Optional<String> defaultUserInfo;
    private Entry current;

    ServerPool(List<NatsUri> configured, boolean randomize) {
        for (NatsUri u : configured) {
            entries.add(new Entry(u, false, Optional.empty()));
        }
        if (randomize) {
            Collections.shuffle(entries, ThreadLocalRandom.current());
        }
        defaultUserInfo = configured.stream().map(NatsUri::userInfo).flatMap(Optional::stream).findFirst();
    }

    /** Credentials of the configured URLs, used for discovered servers, which come without. */
    Optional<String> defaultUserInfo() {
        return defaultUserInfo;
    }

    synchronized List<Entry> snapshot() {
        return new ArrayList<>(entries);
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized void setCurrent(Entry e) {
        current = e;
    }

    synchronized Optional<Entry> current() {
        return Optional.ofNullable(current);
    }

    /**
     * The next server to try after the current one, round robin; servers that used up
     * {@code maxReconnects} attempts leave the pool first.
     *
     * @return the server, or empty when the pool is exhausted
     */
    synchronized Optional<Entry> next(int maxReconnects) {
        if (maxReconnects >= 0) {
            // a server never tried stays: retryOnFailedConnect with maxReconnects 0 still tries each once
            entries.removeIf(e -> e.attempted && e.failedAttempts >= maxReconnects && e != current);
            if (current != null && current.attempted && current.failedAttempts >= maxReconnects) {
                entries.remove(current);
            }
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        int n = entries.size();
        int i = current == null ? -1 : entries.indexOf(current);
        // a server never tried comes first, else the least recently tried, starting after the current one
        Entry best = null;
        for (int k = 1; k <= n; k++) {
            Entry e = entries.get((i + k + n) % n);
            if (!e.attempted) {
                best = e;
                break;
            }
            if (best == null || e.lastAttemptNanos - best.lastAttemptNanos < 0) {
                best = e;
            }
        }
        return Optional.of(best);
    }

    synchronized void remove(Entry e) {
        entries.remove(e);
    }

    /**
     * Merges the cluster's announced client URLs: new ones join, discovered ones no longer
     * announced leave (except the current server).
     *
     * @return true when a server joined
     */
    synchronized boolean discovered(List<String> connectUrls, NatsUri connectedTo) {
        boolean added = false;
        List<NatsUri> announced = new ArrayList<>();
        for (String raw : connectUrls) {
            try {
                NatsUri u = NatsUri.parse(raw.contains("://") ? raw : connectedTo.scheme() + "://" + raw);
                announced.add(new NatsUri(connectedTo.scheme(), u.host(), u.port(), connectedTo.path(), Optional.empty()));
            } catch (NatsIllegalArgumentException ignored) {
                // a URL the server announced that we cannot parse is skipped, not fatal
            }
        }
        for (NatsUri u : announced) {
            boolean known = entries.stream().anyMatch(e -> e.sameServer(u.host(), u.port()));
            if (!known) {
                Optional<String> tlsHost = Hosts.isIpLiteral(u.host()) && !Hosts.isIpLiteral(connectedTo.host())
                        ? Optional.of(connectedTo.host()) : Optional.empty();
                entries.add(new Entry(u, true, tlsHost));
                added = true;
            }
        }
        entries.removeIf(e -> e.discovered && e != current
                && announced.stream().noneMatch(u -> e.sameServer(u.host(), u.port())));
        return added;
    }
}
