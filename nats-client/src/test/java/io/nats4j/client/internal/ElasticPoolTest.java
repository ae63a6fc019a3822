package io.nats4j.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ElasticPoolTest {

    private final AtomicInteger made = new AtomicInteger();
    private final ElasticPool pool = new ElasticPool(r -> {
        made.incrementAndGet();
        Thread t = new Thread(r, "elastic-test-" + made.get());
        t.setDaemon(true);
        return t;
    }, 60, TimeUnit.SECONDS);

    @Test
    void aBlockedTaskNeverHoldsUpTheNext() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ran = new CountDownLatch(3);
        pool.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 3; i++) {
            pool.execute(ran::countDown);
        }
        assertTrue(ran.await(10, TimeUnit.SECONDS), "tasks behind a blocked one ran");
        release.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(System.nanoTime() + TimeUnit.SECONDS.toNanos(10)));
    }

    @Test
    void aStreamOfShortTasksReusesItsThread() throws Exception {
        Set<Thread> used = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 2000; i++) {
            CountDownLatch done = new CountDownLatch(1);
            pool.execute(() -> {
                used.add(Thread.currentThread());
                done.countDown();
            });
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
        // one task at a time: a worker that finished counts as available at once; only a submit that
        // lands between a task's last action and its return (here: the latch) may start another thread,
        // which a loaded machine makes happen now and then, never for most tasks
        assertTrue(made.get() < 50, "threads made for 2000 sequential tasks: " + made.get());
        pool.shutdown();
        assertTrue(pool.awaitTermination(System.nanoTime() + TimeUnit.SECONDS.toNanos(10)));
        assertEquals(0, pool.threads());
    }

    @Test
    void shutdownRunsWhatWasQueuedThenRefuses() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        pool.execute(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ran.incrementAndGet();
        });
        pool.shutdown();
        assertThrows(RejectedExecutionException.class, () -> pool.execute(ran::incrementAndGet));
        gate.countDown();
        assertTrue(pool.awaitTermination(System.nanoTime() + TimeUnit.SECONDS.toNanos(10)));
        assertEquals(1, ran.get());
        assertEquals(0, pool.threads());
    }

    @Test
    void idleWorkersRetire() throws Exception {
        ElasticPool quick = new ElasticPool(r -> new Thread(r, "elastic-quick"), 1, TimeUnit.MILLISECONDS);
        CountDownLatch done = new CountDownLatch(1);
        quick.execute(done::countDown);
        assertTrue(done.await(10, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (quick.threads() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // bounded wait for the idle worker to end
        }
        assertEquals(0, quick.threads());
        quick.shutdown();
    }
}
