package io.nats4j.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SidMapTest {

    @Test
    void behavesLikeAMapThroughGrowthAndTombstones() {
        SidMap<String> map = new SidMap<>();
        Map<Long, String> model = new HashMap<>();
        Random r = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            long sid = 1 + r.nextInt(5000);
            if (r.nextInt(3) == 0) {
                map.remove(sid);
                model.remove(sid);
            } else {
                map.put(sid, "v" + i);
                model.put(sid, "v" + i);
            }
        }
        for (long sid = 1; sid <= 5001; sid++) {
            assertEquals(model.get(sid), map.get(sid), "sid " + sid);
        }
        assertEquals(model.size(), map.size());
        assertEquals(model.size(), map.values().size());
    }

    @Test
    void holdsAHundredThousandSequentialSids() {
        SidMap<Long> map = new SidMap<>();
        for (long sid = 1; sid <= 100_000; sid++) {
            map.put(sid, sid);
        }
        for (long sid = 1; sid <= 100_000; sid++) {
            assertEquals(sid, map.get(sid));
        }
        assertNull(map.get(100_001));
        map.clear();
        assertNull(map.get(5));
        assertEquals(0, map.size());
    }
}
