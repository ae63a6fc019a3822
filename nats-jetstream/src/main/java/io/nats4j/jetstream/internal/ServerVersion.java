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
        return atLeast(nc, major, minor, 0);
    }

    /**
     * Whether the connected server is at least {@code major.minor.patch}.
     *
     * @param nc the connection
     * @param major the major version
     * @param minor the minor version
     * @param patch the patch version
     * @return true when at least that version
     */
    static boolean atLeast(Connection nc, int major, int minor, int patch) {
        int[] v = parse(nc.serverInfo().version());
        int[] want = {major, minor, patch};
        for (int i = 0; i < 3; i++) {
            if (v[i] != want[i]) {
                return v[i] > want[i];
            }
        }
        return true;
    }

    static int[] parse(String v) {
        int[] out = new int[3];
        int part = 0;
        int n = 0;
        boolean digits = false;
        for (int i = 0; i < (v == null ? 0 : v.length()) && part < 3; i++) {
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
        if (part < 3 && digits) {
            out[part] = n;
        }
        return out;
    }
}
