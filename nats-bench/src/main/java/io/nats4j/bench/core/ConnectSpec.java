package io.nats4j.bench.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a benchmark client connects: URL list and every authentication and TLS setting,
 * turned into client options by each {@link ClientKind}.
 *
 * @param servers comma-separated URLs ({@code nats://}, {@code tls://}, {@code ws://}, {@code wss://})
 * @param user user name, or {@code null}
 * @param password password, or {@code null}
 * @param token token, or {@code null}
 * @param credentials a {@code .creds} file, or {@code null}
 * @param nkeySeedFile a file holding an NKey user seed, or {@code null}
 * @param tlsCa CA certificate file (PEM) to trust, or {@code null} for the JDK's trust store
 * @param tlsCert client certificate file (PEM) for mutual TLS, or {@code null}
 * @param tlsKey client private key file (PEM, PKCS#8), or {@code null}
 * @param tlsFirst TLS handshake before the server's INFO
 * @param connectTimeout how long one connect may take
 */
public record ConnectSpec(String servers, String user, String password, String token, Path credentials,
        Path nkeySeedFile, Path tlsCa, Path tlsCert, Path tlsKey, boolean tlsFirst, Duration connectTimeout) {

    /**
     * Validates the combination of settings.
     *
     * @param servers see the record component
     * @param user see the record component
     * @param password see the record component
     * @param token see the record component
     * @param credentials see the record component
     * @param nkeySeedFile see the record component
     * @param tlsCa see the record component
     * @param tlsCert see the record component
     * @param tlsKey see the record component
     * @param tlsFirst see the record component
     * @param connectTimeout see the record component
     * @throws BenchException when a setting is missing its partner
     */
    public ConnectSpec {
        Objects.requireNonNull(servers, "servers");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if ((user == null) != (password == null)) {
            throw new BenchException("--user and --password go together");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new BenchException("--tlscert and --tlskey go together");
        }
    }

    /**
     * Plain settings: the URLs, no auth, no TLS files, a 5 s connect timeout.
     *
     * @param servers comma-separated URLs
     * @return the settings
     */
    public static ConnectSpec of(String servers) {
        return new ConnectSpec(servers, null, null, null, null, null, null, null, null, false, Duration.ofSeconds(5));
    }

    /**
     * Whether any TLS setting is present (a {@code tls://}/{@code wss://} URL alone uses the JDK trust store).
     *
     * @return true if a TLS file or handshake-first was given
     */
    public boolean hasTlsFiles() {
        return tlsCa != null || tlsCert != null || tlsFirst;
    }

    /**
     * Returns the URLs as an array.
     *
     * @return the URLs, trimmed
     */
    public String[] serverList() {
        return servers.trim().split("\\s*,\\s*");
    }

    /**
     * Returns a copy with other servers.
     *
     * @param otherServers comma-separated URLs
     * @return the copy
     */
    public ConnectSpec withServers(String otherServers) {
        return new ConnectSpec(otherServers, user, password, token, credentials, nkeySeedFile, tlsCa, tlsCert,
                tlsKey, tlsFirst, connectTimeout);
    }

    /**
     * Returns the NKey seed file, if one was given.
     *
     * @return the file
     */
    public Optional<Path> nkey() {
        return Optional.ofNullable(nkeySeedFile);
    }

    @Override
    public String toString() {
        return "ConnectSpec[servers=" + Redact.urls(servers) + (user != null ? ", user=" + user : "")
                + (token != null ? ", token=***" : "") + (credentials != null ? ", creds=" + credentials : "")
                + (nkeySeedFile != null ? ", nkey=" + nkeySeedFile : "") + (tlsCa != null ? ", tlsca=" + tlsCa : "")
                + (tlsCert != null ? ", tlscert=" + tlsCert : "") + "]";
    }
}
