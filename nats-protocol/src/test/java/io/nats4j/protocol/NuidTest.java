package io.nats4j.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NuidTest {

    private static final Pattern FORMAT = Pattern.compile("[0-9A-Za-z]{22}");

    @Test
    void formatAndUniqueness() {
        Nuid nuid = new Nuid();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            String id = nuid.next();
            assertEquals(Nuid.LENGTH, id.length());
            assertTrue(FORMAT.matcher(id).matches(), id);
            assertTrue(seen.add(id), "duplicate " + id);
        }
    }

    @Test
    void prefixStaysAndSequenceGrowsByASmallRandomStep() {
        Nuid nuid = new Nuid();
        String a = nuid.next();
        String b = nuid.next();
        assertEquals(a.substring(0, 12), b.substring(0, 12));
        long step = decode(b.substring(12)) - decode(a.substring(12));
        // The sequence may roll over (probability about 1e-16); otherwise the step is in [33, 333).
        assertTrue(step >= 33 && step < 333, "step " + step);
    }

    @Test
    void generatorsHaveDifferentPrefixes() {
        assertNotEquals(new Nuid().next().substring(0, 12), new Nuid().next().substring(0, 12));
    }

    @Test
    void rollOverRandomisesThePrefix() {
        Nuid nuid = new Nuid();
        String before = nuid.next();
        nuid.sequence(839_299_365_868_340_224L - 1, 100);
        String after = nuid.next();
        assertNotEquals(before.substring(0, 12), after.substring(0, 12));
        assertTrue(FORMAT.matcher(after).matches());
    }

    @Test
    void nextGlobalIsThreadSafe() throws Exception {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        int threads = 4;
        int each = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < each; i++) {
                    ids.add(Nuid.nextGlobal());
                }
            });
            w.start();
            workers.add(w);
        }
        start.countDown();
        for (Thread w : workers) {
            w.join(60_000);
        }
        assertEquals(threads * each, ids.size());
    }

    private static long decode(String base62) {
        String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        long v = 0;
        for (char c : base62.toCharArray()) {
            v = v * 62 + digits.indexOf(c);
        }
        return v;
    }
}
