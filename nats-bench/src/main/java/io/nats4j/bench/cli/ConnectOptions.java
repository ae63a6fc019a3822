package io.nats4j.bench.cli;

import io.nats4j.bench.core.ClientKind;
import io.nats4j.bench.core.ConnectSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** Where and how to connect: the options every subcommand shares. */
public final class ConnectOptions {

    @Option(names = {"-s", "--server"}, paramLabel = "URLS", defaultValue = "${env:NATS_URL:-nats://127.0.0.1:4222}",
            description = "Comma-separated server URLs: nats://, tls://, ws://, wss://, user:pass@ or token@ allowed "
                    + "(default: $NATS_URL or ${DEFAULT-VALUE}).")
    String servers;

    @Option(names = "--creds", paramLabel = "FILE", description = "User credentials (.creds) file (JWT + NKey seed).")
    Path creds;

    @Option(names = "--nkey", paramLabel = "FILE", description = "File holding an NKey user seed (SU...).")
    Path nkey;

    @Option(names = "--user", description = "User name (with --password).")
    String user;

    @Option(names = "--password", description = "Password (with --user).")
    String password;

    @Option(names = "--token", description = "Authentication token.")
    String token;

    @Option(names = "--tlsca", paramLabel = "FILE", description = "CA certificate(s) to trust, PEM.")
    Path tlsCa;

    @Option(names = "--tlscert", paramLabel = "FILE", description = "Client certificate for mutual TLS, PEM.")
    Path tlsCert;

    @Option(names = "--tlskey", paramLabel = "FILE", description = "Client private key for mutual TLS, PEM (PKCS#8).")
    Path tlsKey;

    @Option(names = "--tlsfirst", description = "TLS handshake before the server's INFO (server option handshake_first).")
    boolean tlsFirst;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "How long a connect may take (default ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = "--client", paramLabel = "NAME", defaultValue = "nats4j", converter = KindConverter.class,
            description = "Java client to drive: nats4j or jnats (io.nats:jnats, for comparison; default ${DEFAULT-VALUE}).")
    ClientKind client;

    /** Creates the options holder (picocli fills it). */
    public ConnectOptions() {
    }

    ConnectSpec spec() {
        return new ConnectSpec(servers, user, password, token, creds, nkey, tlsCa, tlsCert, tlsKey, tlsFirst,
                connectTimeout);
    }

    /** Converts {@code 500ms}, {@code 10s}, {@code 2m}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Units.duration(value);
        }
    }

    /** Converts {@code nats4j} / {@code jnats}. */
    static final class KindConverter implements ITypeConverter<ClientKind> {
        @Override
        public ClientKind convert(String value) {
            try {
                return ClientKind.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected nats4j or jnats, got '" + value + "'");
            }
        }
    }
}
