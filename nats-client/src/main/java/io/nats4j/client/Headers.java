package io.nats4j.client;

import io.nats4j.client.internal.ClientAccess;
import io.nats4j.protocol.internal.HeadersCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * NATS message headers: case-sensitive names, each with one or more values, in insertion order.
 *
 * <p>Names are printable ASCII without {@code :} or whitespace; values contain no CR or LF. Both
 * are checked when added, with an exception naming the header. Not thread-safe.
 */
public final class Headers {

    static {
        ClientAccess.register(Headers::encode, Headers::new);
    }

    private final LinkedHashMap<String, List<String>> map;

    /** Creates empty headers. */
    public Headers() {
        this.map = new LinkedHashMap<>();
    }

    Headers(Map<String, List<String>> decoded) {
        this.map = new LinkedHashMap<>();
        decoded.forEach((k, v) -> map.put(k, new ArrayList<>(v)));
    }

    /**
     * Adds a value to a header, keeping values already there.
     *
     * @param name the header name
     * @param value the value
     * @return this
     * @throws io.nats4j.protocol.NatsIllegalArgumentException on an invalid name or value
     */
    public Headers add(String name, String value) {
        check(name, value);
        map.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        return this;
    }

    /**
     * Sets a header to a single value, replacing values already there.
     *
     * @param name the header name
     * @param value the value
     * @return this
     * @throws io.nats4j.protocol.NatsIllegalArgumentException on an invalid name or value
     */
    public Headers put(String name, String value) {
        check(name, value);
        List<String> values = new ArrayList<>(1);
        values.add(value);
        map.put(name, values);
        return this;
    }

    /**
     * The values of a header.
     *
     * @param name the header name (case-sensitive)
     * @return the values in order; empty when the header is absent
     */
    public List<String> values(String name) {
        List<String> v = map.get(name);
        return v == null ? List.of() : Collections.unmodifiableList(v);
    }

    /**
     * The first value of a header.
     *
     * @param name the header name (case-sensitive)
     * @return the first value, if the header is present
     */
    public Optional<String> first(String name) {
        List<String> v = map.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * The header names, in insertion order.
     *
     * @return the names (a read-only view)
     */
    public Set<String> names() {
        return Collections.unmodifiableSet(map.keySet());
    }

    /**
     * Whether there is no header.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return map.isEmpty();
    }

    /**
     * The number of header names.
     *
     * @return the count of distinct names
     */
    public int size() {
        return map.size();
    }

    /**
     * Removes a header and all its values.
     *
     * @param name the header name
     * @return this
     */
    public Headers remove(String name) {
        map.remove(name);
        return this;
    }

    byte[] encode() {
        return HeadersCodec.encode(map);
    }

    private static void check(String name, String value) {
        Objects.requireNonNull(name, "header name");
        Objects.requireNonNull(value, "header value");
        HeadersCodec.validateName(name);
        HeadersCodec.validateValue(name, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers h && h.map.equals(map);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }

    @Override
    public String toString() {
        return "Headers" + map;
    }
}
