package io.nats4j.protocol;

import java.util.List;
import java.util.Optional;

/**
 * The fields of a server's {@code INFO} operation that a client uses. Unknown fields are ignored.
 *
 * <p>A field the server did not send takes its zero value: an empty string, 0, false,
 * {@link Optional#empty()} or an empty list. In particular {@link #maxPayload()} is 0 when the
 * server did not announce a limit (every nats-server does).
 *
 * @param serverId {@code server_id}
 * @param serverName {@code server_name}
 * @param version {@code version}
 * @param go {@code go}
 * @param host {@code host}
 * @param port {@code port}
 * @param headers {@code headers}: the server supports HPUB/HMSG
 * @param authRequired {@code auth_required}
 * @param tlsRequired {@code tls_required}
 * @param tlsVerify {@code tls_verify}: the server wants a client certificate
 * @param tlsAvailable {@code tls_available}: TLS offered but optional
 * @param maxPayload {@code max_payload}
 * @param proto {@code proto}
 * @param clientId {@code client_id}
 * @param clientIp {@code client_ip}
 * @param nonce {@code nonce}, to be signed for NKey/JWT auth
 * @param cluster {@code cluster} name
 * @param connectUrls {@code connect_urls}: client URLs of the cluster's other servers; empty, never null
 * @param wsConnectUrls {@code ws_connect_urls}; empty, never null
 * @param lameDuckMode {@code ldm}: the server is shutting down and wants clients to move
 * @param jetStream {@code jetstream}
 * @param domain {@code domain} (JetStream)
 */
public record ServerInfo(
        String serverId,
        String serverName,
        String version,
        String go,
        String host,
        int port,
        boolean headers,
        boolean authRequired,
        boolean tlsRequired,
        boolean tlsVerify,
        boolean tlsAvailable,
        long maxPayload,
        int proto,
        long clientId,
        String clientIp,
        Optional<String> nonce,
        Optional<String> cluster,
        List<String> connectUrls,
        List<String> wsConnectUrls,
        boolean lameDuckMode,
        boolean jetStream,
        Optional<String> domain) {

    /**
     * Parses the JSON body of an {@code INFO} operation (without the {@code INFO } prefix).
     *
     * @param json the buffer holding the JSON
     * @param offset where the JSON starts
     * @param length its length
     * @return the parsed fields
     * @throws NatsProtocolException when the bytes are not a JSON object
     */
    public static ServerInfo parse(byte[] json, int offset, int length) {
        return Json.parseServerInfo(json, offset, length);
    }
}
