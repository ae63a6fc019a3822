package io.nats4j.jetstream.internal;

import io.nats4j.client.Connection;

/** Feature checks against the version the connected server reports in INFO. */
final class ServerVersion {

    private ServerVersion() {
    }

    /**
     * Whether the connected server is at least {@code major.minor}.
     *
     * @param nc the connection
     * @param major the major version
     * @param minor the minor version
     * @return true when at least that version; false when the version is unknown or older
     */
    static boolean atLeast(Connection nc, int major, int minor) {
        String v = nc.serverInfo().version();
        int[] parts = parse(v);
        return parts[0] > major || (parts[0] == major && parts[1] >= minor);
    }

    static int[] parse(String v) {
        int[] out = new int[2];
        int part = 0;
        int n = 0;
        boolean digits = false;
        for (int i = 0; i < (v == null ? 0 : v.length()) && part < 2; i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                n = Math.min(n * 10 + (c - '0'), 100_000);
                digits = true;
            } else if (c == '.' && digits) {
                out[part++] = n;
                n = 0;
                digits = false;
            } else if (c != 'v' || i > 0) {
                break;
            }
        }
        if (part < 2 && digits) {
            out[part] = n;
        }
        return out;
    }
}
