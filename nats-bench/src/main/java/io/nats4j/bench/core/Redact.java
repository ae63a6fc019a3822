package io.nats4j.bench.core;

import java.util.regex.Pattern;

/** Removes credentials from URLs before they are printed. */
public final class Redact {

    private static final Pattern USERINFO = Pattern.compile("(://)[^/@,]+@");

    private Redact() {
    }

    /**
     * Replaces the user-info part of every URL in a list with {@code ***}.
     *
     * @param urls comma-separated URLs
     * @return the same URLs without secrets
     */
    public static String urls(String urls) {
        return USERINFO.matcher(urls).replaceAll("$1***@");
    }
}
