package io.nats4j.protocol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.nats4j.protocol.spi.ConnectAuth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** INFO and CONNECT JSON with jackson-core streaming: no data binding, no reflection. */
final class Json {

    /** Thread-safe once configured; error locations never quote the source (it may hold a nonce). */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private Json() {
    }

    static ServerInfo parseServerInfo(byte[] json, int offset, int length) {
        String serverId = "";
        String serverName = "";
        String version = "";
        String go = "";
        String host = "";
        int port = 0;
        boolean headers = false;
        boolean authRequired = false;
        boolean tlsRequired = false;
        boolean tlsVerify = false;
        boolean tlsAvailable = false;
        long maxPayload = 0;
        int proto = 0;
        long clientId = 0;
        String clientIp = "";
        Optional<String> nonce = Optional.empty();
        Optional<String> cluster = Optional.empty();
        List<String> connectUrls = List.of();
        List<String> wsConnectUrls = List.of();
        boolean lameDuckMode = false;
        boolean jetStream = false;
        Optional<String> domain = Optional.empty();
        try (JsonParser p = FACTORY.createParser(json, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new NatsProtocolException("INFO: JSON is not an object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "server_id" -> serverId = string(p, v, serverId);
                    case "server_name" -> serverName = string(p, v, serverName);
                    case "version" -> version = string(p, v, version);
                    case "go" -> go = string(p, v, go);
                    case "host" -> host = string(p, v, host);
                    case "port" -> port = (int) number(p, v, port, Integer.MAX_VALUE);
                    case "headers" -> headers = bool(p, v, headers);
                    case "auth_required" -> authRequired = bool(p, v, authRequired);
                    case "tls_required" -> tlsRequired = bool(p, v, tlsRequired);
                    case "tls_verify" -> tlsVerify = bool(p, v, tlsVerify);
                    case "tls_available" -> tlsAvailable = bool(p, v, tlsAvailable);
                    case "max_payload" -> maxPayload = number(p, v, maxPayload, Long.MAX_VALUE);
                    case "proto" -> proto = (int) number(p, v, proto, Integer.MAX_VALUE);
                    case "client_id" -> clientId = number(p, v, clientId, Long.MAX_VALUE);
                    case "client_ip" -> clientIp = string(p, v, clientIp);
                    case "nonce" -> nonce = optional(p, v, nonce);
                    case "cluster" -> cluster = optional(p, v, cluster);
                    case "connect_urls" -> connectUrls = strings(p, v, connectUrls);
                    case "ws_connect_urls" -> wsConnectUrls = strings(p, v, wsConnectUrls);
                    case "ldm" -> lameDuckMode = bool(p, v, lameDuckMode);
                    case "jetstream" -> jetStream = bool(p, v, jetStream);
                    case "domain" -> domain = optional(p, v, domain);
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new NatsProtocolException("INFO: malformed JSON object");
            }
            if (p.nextToken() != null) {
                throw new NatsProtocolException("INFO: unexpected data after the JSON object");
            }
        } catch (StreamConstraintsException e) {
            throw new NatsProtocolException("INFO: JSON exceeds parser limits", e);
        } catch (IOException e) {
            // Jackson's message names the problem and the position; the source is not included.
            throw new NatsProtocolException("INFO: malformed JSON: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
        return new ServerInfo(serverId, serverName, version, go, host, port, headers, authRequired, tlsRequired,
                tlsVerify, tlsAvailable, maxPayload, proto, clientId, clientIp, nonce, cluster, connectUrls,
                wsConnectUrls, lameDuckMode, jetStream, domain);
    }

    /** Field values of an unexpected type are skipped and the default kept: newer servers may vary. */
    private static String string(JsonParser p, JsonToken v, String dflt) throws IOException {
        if (v == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return dflt;
    }

    private static Optional<String> optional(JsonParser p, JsonToken v, Optional<String> dflt) throws IOException {
        if (v == JsonToken.VALUE_STRING) {
            String s = p.getText();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        }
        p.skipChildren();
        return dflt;
    }

    private static boolean bool(JsonParser p, JsonToken v, boolean dflt) throws IOException {
        if (v == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (v == JsonToken.VALUE_FALSE) {
            return false;
        }
        p.skipChildren();
        return dflt;
    }

    private static long number(JsonParser p, JsonToken v, long dflt, long max) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                return p.getBigIntegerValue().signum() < 0 ? dflt : max;
            }
            long n = p.getLongValue();
            return n < 0 ? dflt : Math.min(n, max);
        }
        p.skipChildren();
        return dflt;
    }

    private static List<String> strings(JsonParser p, JsonToken v, List<String> dflt) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            p.skipChildren();
            return dflt;
        }
        List<String> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new NatsProtocolException("INFO: unterminated JSON array");
            }
            if (t == JsonToken.VALUE_STRING) {
                out.add(p.getText());
            } else {
                p.skipChildren();
            }
        }
        return List.copyOf(out);
    }

    static byte[] encodeConnect(ConnectInfo c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(new byte[] {'C', 'O', 'N', 'N', 'E', 'C', 'T', ' '});
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeBooleanField("verbose", c.verbose());
            g.writeBooleanField("pedantic", c.pedantic());
            g.writeBooleanField("tls_required", c.tlsRequired());
            Optional<String> name = c.name() == null ? Optional.empty() : c.name();
            if (name.isPresent() && !name.get().isEmpty()) {
                g.writeStringField("name", name.get());
            }
            g.writeStringField("lang", c.lang() == null ? "java" : c.lang());
            g.writeStringField("version", c.version() == null ? "" : c.version());
            g.writeNumberField("protocol", c.protocol());
            g.writeBooleanField("echo", c.echo());
            g.writeBooleanField("headers", c.headers());
            g.writeBooleanField("no_responders", c.noResponders());
            ConnectAuth auth = c.auth() == null ? ConnectAuth.NONE : c.auth();
            field(g, "user", auth.user());
            field(g, "pass", auth.password());
            field(g, "auth_token", auth.token());
            field(g, "jwt", auth.jwt());
            field(g, "nkey", auth.nkey());
            field(g, "sig", auth.signature());
            g.writeEndObject();
        } catch (IOException e) {
            throw new NatsProtocolException("CONNECT: cannot encode JSON", e);
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    private static void field(JsonGenerator g, String name, Optional<String> value) throws IOException {
        if (value != null && value.isPresent()) {
            g.writeStringField(name, value.get());
        }
    }
}
