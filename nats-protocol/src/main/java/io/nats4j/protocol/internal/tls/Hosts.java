package io.nats4j.protocol.internal.tls;

/** Host name checks that must not trigger a DNS lookup. */
public final class Hosts {

    private Hosts() {
    }

    /**
     * Whether {@code host} is an IP address literal rather than a name: IPv6 (it has a colon, as
     * names never do) or dotted-decimal IPv4. SNI is only sent for names, and literals need no lookup.
     *
     * @param host a host without brackets
     * @return true for an IP literal
     */
    public static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            // 0-255 without leading zeros: anything else the JDK would send to the resolver
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return false;
            }
            for (int i = 0; i < p.length(); i++) {
                if (p.charAt(i) < '0' || p.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }
}
