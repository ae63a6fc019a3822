package io.nats4j.transport.tcp.internal;

/** Host name checks that must not trigger a DNS lookup. */
final class Hosts {

    private Hosts() {
    }

    /**
     * Whether {@code host} is an IP address literal rather than a name: IPv6 (it has a colon, as
     * names never do) or dotted-decimal IPv4. SNI is only sent for names, and literals need no lookup.
     *
     * @param host a host without brackets
     * @return true for an IP literal
     */
    static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        int parts = 0;
        int digits = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 3) {
                    return false;
                }
            } else if (c == '.' && digits > 0) {
                parts++;
                digits = 0;
            } else {
                return false;
            }
        }
        return digits > 0 && parts == 3;
    }
}
