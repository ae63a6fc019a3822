package io.nats4j.bench.core;

import java.util.Locale;

/** A minimal JSON writer for the reports (objects, arrays, strings, numbers); no dependency needed. */
public final class Json {

    private final StringBuilder out = new StringBuilder();
    private boolean needComma;

    /** Creates an empty writer. */
    public Json() {
    }

    /**
     * Opens an object, as a value or as the field {@code name} when it is not {@code null}.
     *
     * @param name the field name, or {@code null}
     * @return this
     */
    public Json begin(String name) {
        key(name);
        out.append('{');
        needComma = false;
        return this;
    }

    /**
     * Closes the current object.
     *
     * @return this
     */
    public Json end() {
        out.append('}');
        needComma = true;
        return this;
    }

    /**
     * Opens an array field.
     *
     * @param name the field name, or {@code null} for an array value
     * @return this
     */
    public Json array(String name) {
        key(name);
        out.append('[');
        needComma = false;
        return this;
    }

    /**
     * Closes the current array.
     *
     * @return this
     */
    public Json endArray() {
        out.append(']');
        needComma = true;
        return this;
    }

    /**
     * Writes a string field ({@code null} writes JSON null).
     *
     * @param name the field name
     * @param value the value
     * @return this
     */
    public Json field(String name, String value) {
        key(name);
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        needComma = true;
        return this;
    }

    /**
     * Writes an integer field.
     *
     * @param name the field name
     * @param value the value
     * @return this
     */
    public Json field(String name, long value) {
        key(name);
        out.append(value);
        needComma = true;
        return this;
    }

    /**
     * Writes a number field (six decimals below 1000, one above); non-finite values are written as null.
     *
     * @param name the field name
     * @param value the value
     * @return this
     */
    public Json field(String name, double value) {
        key(name);
        if (!Double.isFinite(value)) {
            out.append("null");
        } else {
            String t = String.format(Locale.ROOT, Math.abs(value) >= 1000 ? "%.1f" : "%.6f", value);
            t = t.contains(".") ? t.replaceAll("0+$", "").replaceAll("\\.$", ".0") : t;
            out.append(t);
        }
        needComma = true;
        return this;
    }

    /**
     * Writes a boolean field.
     *
     * @param name the field name
     * @param value the value
     * @return this
     */
    public Json field(String name, boolean value) {
        key(name);
        out.append(value);
        needComma = true;
        return this;
    }

    private void key(String name) {
        if (needComma) {
            out.append(',');
        }
        if (name != null) {
            quote(name);
            out.append(':');
        }
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
