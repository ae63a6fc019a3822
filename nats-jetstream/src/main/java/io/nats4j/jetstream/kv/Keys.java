package io.nats4j.jetstream.kv;

import io.nats4j.protocol.NatsIllegalArgumentException;
import java.util.Objects;

/** Validation of bucket names, keys and watch patterns, with messages that say what is wrong. */
final class Keys {
    private Keys() {
    }

    static void checkBucket(String bucket) {
        Objects.requireNonNull(bucket, "bucket");
        if (bucket.isEmpty()) {
            throw new NatsIllegalArgumentException("key/value bucket name is empty");
        }
        for (int i = 0; i < bucket.length(); i++) {
            char c = bucket.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_') {
                throw new NatsIllegalArgumentException("key/value bucket name '" + bucket
                        + "' may hold only letters, digits, '-' and '_' (found '" + c + "')");
            }
        }
    }

    /** A key to read or write: {@code [-/_=.a-zA-Z0-9]+}, no leading or trailing dot, no empty token. */
    static void checkKey(String key) {
        check(key, false);
    }

    /** A watch pattern: a key whose tokens may also be {@code *}, and whose last token may be {@code >}. */
    static void checkPattern(String pattern) {
        check(pattern, true);
    }

    private static void check(String key, boolean wildcards) {
        Objects.requireNonNull(key, "key");
        String what = wildcards ? "key pattern '" : "key '";
        if (key.isEmpty() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
            throw new NatsIllegalArgumentException(what + key + "' must be non-empty dot-separated tokens");
        }
        int tokenStart = 0;
        for (int i = 0; i <= key.length(); i++) {
            if (i < key.length() && key.charAt(i) != '.') {
                continue;
            }
            String token = key.substring(tokenStart, i);
            boolean last = i == key.length();
            if (wildcards && (token.equals("*") || (token.equals(">") && last))) {
                tokenStart = i + 1;
                continue;
            }
            for (int j = 0; j < token.length(); j++) {
                char c = token.charAt(j);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '/' || c == '_' || c == '=';
                if (!ok) {
                    throw new NatsIllegalArgumentException(what + key + "' holds '" + c + "'; keys allow letters, "
                            + "digits, '-', '/', '_', '=' and '.'" + (wildcards ? ", and '*' / '>' tokens" : ""));
                }
            }
            tokenStart = i + 1;
        }
    }
}
