package io.nats4j.protocol.internal.tls;

/** Host name checks that must not trigger a DNS lookup. */
public final class Hosts {

    private Hosts() {
    }

    /**
     * Whether {@code host} is an IP address literal; see {@link io.nats4j.protocol.internal.Hosts#isIpLiteral}.
     *
     * @param host a host without brackets
     * @return true for an IP literal
     */
    public static boolean isIpLiteral(String host) {
        return io.nats4j.protocol.internal.Hosts.isIpLiteral(host); // the one definition
    }
}
