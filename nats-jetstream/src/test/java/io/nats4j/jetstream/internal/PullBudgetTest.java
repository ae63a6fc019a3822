package io.nats4j.jetstream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PullBudgetTest {

    @Test
    void asksForTheDifferenceOnlyAtTheThreshold() {
        PullBudget b = new PullBudget(10, 0, 50);
        PullBudget.Request first = b.nextRequest();
        assertEquals(10, first.batch());
        assertNull(b.nextRequest(), "10 outstanding: nothing more");
        for (int i = 0; i < 6; i++) {
            b.arrived(100);
        }
        assertNull(b.nextRequest(), "4 outstanding + 6 buffered");
        for (int i = 0; i < 6; i++) {
            b.processed(100);
        }
        PullBudget.Request second = b.nextRequest();
        assertEquals(6, second.batch(), "4 outstanding: ask for 6");
        b.writeOff(first.id()); // a 408 for the first: its 4 will not come
        assertEquals(6, b.outstandingMessages());
        assertNull(b.nextRequest(), "6 outstanding is above the threshold of 5");
        b.arrived(100);
        b.processed(100);
        assertEquals(5, b.nextRequest().batch());
        assertEquals(10, b.outstandingMessages());
    }

    @Test
    void batchOfOneNeverStalls() {
        PullBudget b = new PullBudget(1, 0, 50);
        for (int round = 0; round < 3; round++) {
            assertEquals(1, b.nextRequest().batch());
            assertNull(b.nextRequest());
            b.arrived(10);
            assertNull(b.nextRequest(), "the message is still being handled");
            b.processed(10);
        }
    }

    @Test
    void messagesAreCountedAgainstTheOldestRequestAndAResetForgetsOutstanding() {
        PullBudget b = new PullBudget(4, 0, 100);
        PullBudget.Request r1 = b.nextRequest();
        b.arrived(1);
        b.processed(1);
        PullBudget.Request r2 = b.nextRequest();
        assertEquals(1, r2.batch());
        for (int i = 0; i < 3; i++) {
            b.arrived(1);
            b.processed(1);
        }
        b.writeOff(r1.id()); // r1 already filled: writing it off again changes nothing
        assertEquals(1, b.outstandingMessages());
        b.writeOffAll();
        assertEquals(0, b.outstandingMessages());
        b.arrived(1); // a straggler of a written-off request
        assertEquals(1, b.bufferedMessages());
        assertEquals(0, b.outstandingMessages());
    }

    @Test
    void bytesModeBudgetsBytes() {
        PullBudget b = new PullBudget(500, 1000, 50);
        PullBudget.Request r = b.nextRequest();
        assertEquals(PullBudget.BYTES_MODE_BATCH, r.batch());
        assertEquals(1000, r.maxBytes());
        b.arrived(600);
        assertNull(b.nextRequest(), "600 buffered + 400 outstanding");
        b.processed(600);
        assertEquals(600, b.nextRequest().maxBytes());
    }
}
