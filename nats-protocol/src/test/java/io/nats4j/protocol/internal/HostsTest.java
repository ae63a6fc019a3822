package io.nats4j.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostsTest {

    @Test
    void literalsAreIpv6OrFourDecimalPartsUpTo255() {
        for (String literal : new String[] {"127.0.0.1", "10.0.0.255", "::1", "fe80::1%eth0", "0.0.0.0"}) {
            assertTrue(Hosts.isIpLiteral(literal), literal);
        }
    }

    @Test
    void everythingElseIsANameForTheResolver() {
        // "1.2.3" and "999.1.1.1" were literals to the client's old copy of this check and names to the transport's
        for (String name : new String[] {"localhost", "1.2.3", "999.1.1.1", "01.2.3.4", "1.2.3.4.", "nats.example.com", "1.2.3.x"}) {
            assertFalse(Hosts.isIpLiteral(name), name);
        }
    }
}
