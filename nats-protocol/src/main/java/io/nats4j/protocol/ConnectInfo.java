package io.nats4j.protocol;

import io.nats4j.protocol.spi.ConnectAuth;
import java.util.Optional;

/**
 * The fields of the client's {@code CONNECT} operation. {@link #toString()} hides every secret.
 *
 * @param verbose ask for {@code +OK} after each op
 * @param pedantic ask for strict checking
 * @param tlsRequired the client requires TLS
 * @param name connection name
 * @param lang client language, {@code java}
 * @param version client version
 * @param protocol protocol level, 1 (asks for async INFO updates)
 * @param echo receive our own publishes on our own subscriptions
 * @param headers the client supports headers
 * @param noResponders ask for 503 status messages when a request has no responders
 * @param auth credentials
 */
public record ConnectInfo(
        boolean verbose,
        boolean pedantic,
        boolean tlsRequired,
        Optional<String> name,
        String lang,
        String version,
        int protocol,
        boolean echo,
        boolean headers,
        boolean noResponders,
        ConnectAuth auth) {

    /**
     * Encodes {@code CONNECT {json}\r\n} with jackson-core.
     *
     * @return the bytes to send
     */
    public byte[] encode() {
        return Json.encodeConnect(this);
    }

    /**
     * Shows the settings and which credentials are present, never their values.
     *
     * @return a description without secrets
     */
    @Override
    public String toString() {
        return "ConnectInfo[verbose=" + verbose + ", pedantic=" + pedantic + ", tlsRequired=" + tlsRequired
                + ", name=" + name.orElse("") + ", lang=" + lang + ", version=" + version
                + ", protocol=" + protocol + ", echo=" + echo + ", headers=" + headers
                + ", noResponders=" + noResponders + ", auth=" + auth + "]";
    }
}
