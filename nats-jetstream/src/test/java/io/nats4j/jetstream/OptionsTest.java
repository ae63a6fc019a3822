package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsIllegalArgumentException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Defaults and the checks of the option records: bad input names what was wrong. */
class OptionsTest {

    private static void refused(String expectedInMessage, Runnable r) {
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
    }

    @Test
    void consumeOptionsDefaultsAndChecks() {
        ConsumeOptions d = ConsumeOptions.DEFAULT;
        assertEquals(500, d.batchSize());
        assertEquals(Duration.ofSeconds(30), d.expires());
        assertEquals(Duration.ofSeconds(15), d.idleHeartbeat());
        assertEquals(50, d.thresholdPercent());
        assertEquals(Duration.ofSeconds(30), ConsumeOptions.builder().expires(Duration.ofMinutes(5)).build()
                .idleHeartbeat(), "half of expires, capped at 30 s");
        refused("batchSize", () -> ConsumeOptions.builder().batchSize(0).build());
        refused("maxBytes", () -> ConsumeOptions.builder().maxBytes(-1).build());
        refused("expires", () -> ConsumeOptions.builder().expires(Duration.ofMillis(10)).build());
        refused("idleHeartbeat", () -> ConsumeOptions.builder().expires(Duration.ofSeconds(2))
                .idleHeartbeat(Duration.ofSeconds(3)).build());
        refused("thresholdPercent", () -> ConsumeOptions.builder().thresholdPercent(0).build());
    }

    @Test
    void jetStreamOptions() {
        assertEquals("$JS.API", JetStreamOptions.DEFAULT.effectivePrefix());
        assertEquals("$JS.hub.API", JetStreamOptions.builder().domain("hub").build().effectivePrefix());
        assertEquals("my.api", JetStreamOptions.builder().apiPrefix("my.api.").build().effectivePrefix());
        assertEquals(4000, JetStreamOptions.DEFAULT.maxPendingAsyncPublishes());
        refused("domain", () -> JetStreamOptions.builder().domain("a.b").build());
        refused("timeout", () -> JetStreamOptions.builder().requestTimeout(Duration.ZERO).build());
        refused("maxPendingAsyncPublishes", () -> JetStreamOptions.builder().maxPendingAsyncPublishes(0).build());
    }

    @Test
    void consumerAndOrderedConfigs() {
        ConsumerConfig c = ConsumerConfig.builder().durable("d").startSequence(5).build();
        assertEquals(DeliverPolicy.BY_START_SEQUENCE, c.deliverPolicy());
        assertEquals(Optional.of("d"), c.effectiveName());
        assertEquals(c, c.toBuilder().build());
        refused("must be equal", () -> ConsumerConfig.builder().durable("a").name("b").build());
        refused("startSequence", () -> ConsumerConfig.builder().deliverPolicy(DeliverPolicy.BY_START_SEQUENCE).build());
        refused("startTime", () -> OrderedConsumerConfig.builder().deliverPolicy(DeliverPolicy.BY_START_TIME).build());
        refused("durable name", () -> ConsumerConfig.builder().durable("a.b").build());
        assertEquals(DeliverPolicy.BY_START_TIME, OrderedConsumerConfig.builder().startTime(Instant.EPOCH).build()
                .deliverPolicy());
        refused("replicas", () -> StreamConfig.builder().name("s").replicas(0).build());
        refused("negative", () -> PublishOptions.builder().expectedLastSequence(-1).build());
    }
}
