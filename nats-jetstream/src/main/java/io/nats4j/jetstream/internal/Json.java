package io.nats4j.jetstream.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.nats4j.jetstream.JetStreamException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JetStream API JSON with jackson-core streaming: responses are read into a small tree of
 * {@link JsonObject}, {@link List}, {@link String}, {@link Long} / {@link BigInteger} / {@link Double},
 * {@link Boolean} and {@link #NULL}; requests are written with a generator.
 */
public final class Json {

    /** The JSON {@code null} inside a tree (maps and lists keep no Java null). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Thread-safe once configured; error locations never quote the source. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private Json() {
    }

    /**
     * Parses a JSON object.
     *
     * @param json UTF-8 JSON text
     * @param what what is being parsed, for the error message
     * @return the object
     * @throws JetStreamException when the text is not one JSON object
     */
    public static JsonObject parseObject(byte[] json, String what) {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new JetStreamException(what + ": response is not a JSON object");
            }
            JsonObject o = readObject(p);
            if (p.nextToken() != null) {
                throw new JetStreamException(what + ": unexpected data after the JSON object");
            }
            return o;
        } catch (IOException e) {
            throw new JetStreamException(what + ": malformed JSON: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    private static JsonObject readObject(JsonParser p) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            fields.put(name, readValue(p, p.nextToken()));
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonParseFailure("malformed object");
        }
        return new JsonObject(fields);
    }

    private static Object readValue(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new JsonParseFailure("truncated JSON");
        }
        switch (t) {
            case START_OBJECT:
                return readObject(p);
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(readValue(p, e));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw new JsonParseFailure("unexpected token " + t);
        }
    }

    /** A structural problem found while walking tokens. */
    private static final class JsonParseFailure extends IOException {
        private static final long serialVersionUID = 1L;

        JsonParseFailure(String message) {
            super(message);
        }
    }

    /**
     * Writes a tree value (as produced by {@link #parseObject}) back as JSON text.
     *
     * @param value the value
     * @return its JSON text
     */
    public static String toJson(Object value) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            write(g, value);
        } catch (IOException e) {
            throw new JetStreamException("cannot encode JSON", e);
        }
        return w.toString();
    }

    /**
     * Writes a tree value with a generator.
     *
     * @param g the generator
     * @param value the value
     * @throws IOException from the generator
     */
    public static void write(JsonGenerator g, Object value) throws IOException {
        if (value == NULL || value == null) {
            g.writeNull();
        } else if (value instanceof JsonObject o) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : o.fields().entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> l) {
            g.writeStartArray();
            for (Object e : l) {
                write(g, e);
            }
            g.writeEndArray();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Long n) {
            g.writeNumber(n);
        } else if (value instanceof BigInteger n) {
            g.writeNumber(n);
        } else if (value instanceof Double n) {
            g.writeNumber(n);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            throw new IOException("not a JSON tree value: " + value.getClass().getName());
        }
    }

    /** Writes one JSON document with a generator callback. */
    @FunctionalInterface
    public interface Body {
        /**
         * Writes the document.
         *
         * @param g the generator
         * @throws IOException from the generator
         */
        void write(JsonGenerator g) throws IOException;
    }

    /**
     * Encodes one JSON document.
     *
     * @param body writes the document
     * @return the UTF-8 bytes
     */
    public static byte[] encode(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            body.write(g);
        } catch (IOException e) {
            throw new JetStreamException("cannot encode JSON", e);
        }
        return out.toByteArray();
    }
}
