package io.nats4j.client.internal;

import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.spi.AuthProvider;
import io.nats4j.protocol.spi.TransportProvider;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The transports and the auth provider found with {@link ServiceLoader} (module path: {@code provides};
 * class path: {@code META-INF/services}), looked up once.
 */
final class Providers {

    private static volatile Map<String, TransportProvider> transports;
    private static volatile AuthProvider auth;
    private static volatile boolean authLooked;

    private Providers() {
    }

    static TransportProvider transport(NatsUri server) {
        Map<String, TransportProvider> map = transports;
        if (map == null) {
            map = new HashMap<>();
            for (TransportProvider p : load(TransportProvider.class)) {
                for (String scheme : p.schemes()) {
                    map.putIfAbsent(scheme, p);
                }
            }
            transports = map;
        }
        TransportProvider p = map.get(server.scheme());
        if (p == null) {
            String artifact = server.isWebSocket() ? "io.nats4j:nats-transport-ws" : "io.nats4j:nats-transport-tcp";
            throw new NatsConnectionException("no transport for " + server.scheme() + ":// (server " + server.redacted()
                    + "): add " + artifact + " to the class or module path");
        }
        return p;
    }

    static AuthProvider auth(String what) {
        if (!authLooked) {
            Iterator<AuthProvider> it = load(AuthProvider.class).iterator();
            auth = it.hasNext() ? it.next() : null;
            authLooked = true;
        }
        if (auth == null) {
            throw new NatsException(what + " needs the io.nats4j:nats-auth module on the class or module path");
        }
        return auth;
    }

    private static <S> Iterable<S> load(Class<S> type) {
        try {
            ServiceLoader<S> loader = ServiceLoader.load(type, Providers.class.getClassLoader());
            java.util.List<S> out = new java.util.ArrayList<>();
            loader.forEach(out::add);
            if (out.isEmpty()) {
                ServiceLoader.load(type).forEach(out::add);
            }
            return out;
        } catch (ServiceConfigurationError e) {
            throw new NatsException("broken " + type.getSimpleName() + " declaration on the path: " + e.getMessage(), e);
        }
    }
}
