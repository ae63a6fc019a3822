package io.nats4j.protocol.internal;

/** Host name checks that must not trigger a DNS lookup; the one definition every module uses. */
public final class Hosts {

    private Hosts() {
    }

    /**
     * Whether {@code host} is an IP address literal rather than a name: IPv6 (it has a colon, as
     * names never do) or dotted-decimal IPv4 (four parts of 0-255 without leading zeros: anything
     * else the JDK would send to the resolver). SNI is only sent for names, literals need no lookup,
     * and a gossiped literal is verified against the name of the server that announced it.
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
