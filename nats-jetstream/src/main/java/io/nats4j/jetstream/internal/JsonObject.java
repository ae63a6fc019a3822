package io.nats4j.jetstream.internal;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed JSON object with lenient typed getters: a field of an unexpected type reads as absent,
 * because newer servers may change or add fields.
 */
public final class JsonObject {

    /** Go's zero {@code time.Time}, sent for "never". */
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private final Map<String, Object> fields;

    JsonObject(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /**
     * All fields in document order.
     *
     * @return the fields
     */
    public Map<String, Object> fields() {
        return fields;
    }

    /**
     * Whether the field is present (even as JSON null).
     *
     * @param name the field name
     * @return true when present
     */
    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /**
     * A nested object.
     *
     * @param name the field name
     * @return the object, or empty
     */
    public Optional<JsonObject> object(String name) {
        return fields.get(name) instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    }

    /**
     * A string field.
     *
     * @param name the field name
     * @param dflt the value when absent
     * @return the value
     */
    public String string(String name, String dflt) {
        return fields.get(name) instanceof String s ? s : dflt;
    }

    /**
     * A string field, empty when absent or empty.
     *
     * @param name the field name
     * @return the value
     */
    public Optional<String> optString(String name) {
        return fields.get(name) instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
    }

    /**
     * An integer field; values past {@code long} saturate.
     *
     * @param name the field name
     * @param dflt the value when absent
     * @return the value
     */
    public long number(String name, long dflt) {
        Object v = fields.get(name);
        if (v instanceof Long n) {
            return n;
        }
        if (v instanceof BigInteger b) {
            return b.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (v instanceof Double d) {
            return d.longValue();
        }
        return dflt;
    }

    /**
     * An integer field narrowed to {@code int} (saturating).
     *
     * @param name the field name
     * @param dflt the value when absent
     * @return the value
     */
    public int integer(String name, int dflt) {
        long n = number(name, dflt);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }

    /**
     * A boolean field.
     *
     * @param name the field name
     * @param dflt the value when absent
     * @return the value
     */
    public boolean bool(String name, boolean dflt) {
        return fields.get(name) instanceof Boolean b ? b : dflt;
    }

    /**
     * A Go duration in nanoseconds.
     *
     * @param name the field name
     * @return the duration, or empty when absent or zero
     */
    public Optional<Duration> nanos(String name) {
        long n = number(name, 0);
        return n > 0 ? Optional.of(Duration.ofNanos(n)) : Optional.empty();
    }

    /**
     * An RFC 3339 time.
     *
     * @param name the field name
     * @return the instant, or empty when absent, unparsable or Go's zero time
     */
    public Optional<Instant> time(String name) {
        return parseTime(string(name, null));
    }

    /**
     * Parses an RFC 3339 time as Go writes it.
     *
     * @param s the text, may be null
     * @return the instant, or empty when null, unparsable or Go's zero time
     */
    public static Optional<Instant> parseTime(String s) {
        if (s == null || s.isEmpty()) {
            return Optional.empty();
        }
        try {
            Instant i = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return i.equals(GO_ZERO_TIME) ? Optional.empty() : Optional.of(i);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A list of strings (other element types skipped).
     *
     * @param name the field name
     * @return the strings, empty when absent
     */
    public List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        if (fields.get(name) instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof String s) {
                    out.add(s);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * A list of objects (other element types skipped).
     *
     * @param name the field name
     * @return the objects, empty when absent
     */
    public List<JsonObject> objects(String name) {
        List<JsonObject> out = new ArrayList<>();
        if (fields.get(name) instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof JsonObject j) {
                    out.add(j);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The fields not in {@code known}, each as its JSON text: kept so that a config read from the
     * server and sent back loses nothing this version does not model.
     *
     * @param known the modelled field names
     * @return field name to raw JSON, in document order
     */
    public Map<String, String> unknown(Set<String> known) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (!known.contains(e.getKey())) {
                out.put(e.getKey(), Json.toJson(e.getValue()));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return Json.toJson(this);
    }
}
