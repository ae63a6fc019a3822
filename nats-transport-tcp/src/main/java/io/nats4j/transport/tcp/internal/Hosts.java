package io.nats4j.transport.tcp.internal;

/** Host name checks that must not trigger a DNS lookup. */
final class Hosts {

    private Hosts() {
    }

    /**
     * Whether {@code host} is an IP address literal; see {@link io.nats4j.protocol.internal.Hosts#isIpLiteral}.
     *
     * @param host a host without brackets
     * @return true for an IP literal
     */
    static boolean isIpLiteral(String host) {
        return io.nats4j.protocol.internal.Hosts.isIpLiteral(host);
    }
}
