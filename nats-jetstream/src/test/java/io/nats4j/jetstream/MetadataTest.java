package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nats4j.jetstream.internal.Metadata;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetadataTest {

    @Test
    void parsesTheOriginalLayout() {
        MessageMetadata m = Metadata.parse("$JS.ACK.ORDERS.worker.2.17.5.1700000000123456789.42");
        assertEquals(new MessageMetadata("ORDERS", "worker", 17, 5, 2, 42,
                Instant.ofEpochSecond(1_700_000_000L, 123_456_789), Optional.empty()), m);
    }

    @Test
    void parsesTheLayoutWithDomainAndAccountHash() {
        MessageMetadata m = Metadata.parse("$JS.ACK.hub.ACCHASH.ORDERS.worker.1.9.3.1700000000000000000.0.r4nd0m");
        assertEquals("ORDERS", m.stream());
        assertEquals("worker", m.consumer());
        assertEquals(9, m.streamSequence());
        assertEquals(3, m.consumerSequence());
        assertEquals(Optional.of("hub"), m.domain());
        MessageMetadata noDomain = Metadata.parse("$JS.ACK._.ACCHASH.S.c.1.2.3.1700000000000000000.4");
        assertEquals(Optional.empty(), noDomain.domain(), "'_' is no domain; the random token is optional");
        assertEquals(4, noDomain.pending());
    }

    @Test
    void refusesWhatIsNotAnAckSubject() {
        assertThrows(JetStreamException.class, () -> Metadata.parse("_INBOX.abc"));
        assertThrows(JetStreamException.class, () -> Metadata.parse("$JS.ACK.S.c.1.2.3.4"));
        assertThrows(JetStreamException.class, () -> Metadata.parse("$JS.ACK.a.b.S.c.1.2"));
        assertThrows(JetStreamException.class, () -> Metadata.parse("$JS.ACK.S.c.x.2.3.4.5"));
    }
}
