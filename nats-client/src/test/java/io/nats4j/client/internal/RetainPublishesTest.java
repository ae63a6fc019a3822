package io.nats4j.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RetainPublishesTest {

    @Test
    void keepsOnlyPublishFramesOfWhatALostSessionLeft() {
        String left = "SUB a 1\r\nPUB a 5\r\nhello\r\nPING\r\nUNSUB 1 3\r\nPUB b r.1 12\r\nPUB x 1\r\ny\r\n\r\n"
                + "PONG\r\nHPUB h 12 14\r\nNATS/1.0\r\n\r\nhi\r\nPUB e 0\r\n\r\n";
        ByteBuffer src = ByteBuffer.allocate(1024);
        src.put(left.getBytes(StandardCharsets.US_ASCII)).flip();
        ByteBuffer dst = ByteBuffer.allocate(1024);
        NatsConnection.retainPublishes(src, dst);
        dst.flip();
        assertEquals("PUB a 5\r\nhello\r\nPUB b r.1 12\r\nPUB x 1\r\ny\r\n\r\nHPUB h 12 14\r\nNATS/1.0\r\n\r\nhi\r\nPUB e 0\r\n\r\n",
                StandardCharsets.US_ASCII.decode(dst).toString());
        assertEquals(src.limit(), src.position());
    }
}
