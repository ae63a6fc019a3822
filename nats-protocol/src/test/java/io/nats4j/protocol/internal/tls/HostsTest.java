package io.nats4j.protocol.internal.tls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostsTest {

    @Test
    void onlyRealLiteralsSkipTheTimedLookup() {
        for (String literal : new String[] {"127.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "fe80::1"}) {
            assertTrue(Hosts.isIpLiteral(literal), literal);
        }
        for (String name : new String[] {"999.1.1.1", "300.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1..2.3",
                "localhost", "a.b.c.d", "1.2.3.4a", ""}) {
            assertFalse(Hosts.isIpLiteral(name), name);
        }
    }
}
