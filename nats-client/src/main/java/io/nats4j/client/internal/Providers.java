package io.nats4j.client.internal;

import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.spi.AuthProvider;
import io.nats4j.protocol.spi.TransportProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
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
            String artifact = switch (server.scheme()) {
                case "ws", "wss" -> "io.nats4j:nats-transport-ws";
                case "nats", "tls" -> "io.nats4j:nats-transport-tcp";
                default -> "the transport that serves " + server.scheme() + "://";
            };
            throw new NatsConnectionException("no transport for " + server.scheme() + ":// (server " + server.redacted()
                    + "): add " + artifact + " to the class or module path");
        }
        return p;
    }

    static AuthProvider auth(String what) {
        if (!authLooked) {
            List<AuthProvider> found = load(AuthProvider.class);
            auth = found.isEmpty() ? null : found.get(0);
            authLooked = true;
        }
        if (auth == null) {
            throw new NatsException(what + " needs the io.nats4j:nats-auth module on the class or module path");
        }
        return auth;
    }

    private static <S> List<S> load(Class<S> type) {
        List<S> out = new ArrayList<>();
        collect(ServiceLoader.load(type, Providers.class.getClassLoader()), out);
        if (out.isEmpty()) {
            // class-path and container setups: the context class loader may see providers ours does not
            collect(ServiceLoader.load(type), out);
        }
        return out;
    }

    /** Skips providers that cannot be used here (declared for another class loader's copy of the SPI, or broken). */
    private static <S> void collect(ServiceLoader<S> loader, List<S> out) {
        Iterator<S> it = loader.iterator();
        for (int guard = 0; guard < 1000; guard++) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                out.add(it.next());
            } catch (ServiceConfigurationError unusable) {
                // the iterator goes on with the next declared provider
            }
        }
    }
}
