package io.nats4j.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stage that blocks does not hold back the stages behind it in its read's batch (issue 9: no head-of-line blocking). */
class BatchingExecutorStallTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final BatchingExecutor batching = new BatchingExecutor(pool, timer);

    @AfterEach
    void stop() throws InterruptedException {
        timer.shutdownNow();
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void aStageWaitingForALaterStageOfTheSameReadIsNotDeadlocked() throws InterruptedException {
        CountDownLatch second = new CountDownLatch(1);
        CountDownLatch firstDone = new CountDownLatch(1);
        batching.collectOnCurrentThread();
        batching.execute(() -> {
            try {
                if (second.await(10, TimeUnit.SECONDS)) {
                    firstDone.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        batching.execute(second::countDown);
        batching.stopCollecting();
        assertTrue(firstDone.await(10, TimeUnit.SECONDS), "the second stage ran only after the first gave up waiting for it");
    }

    @Test
    void quickStagesOfOneReadShareOneThread() throws InterruptedException {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch all = new CountDownLatch(500);
        batching.collectOnCurrentThread();
        for (int i = 0; i < 500; i++) {
            batching.execute(() -> {
                threads.add(Thread.currentThread());
                all.countDown();
            });
        }
        batching.stopCollecting();
        assertTrue(all.await(10, TimeUnit.SECONDS));
        assertEquals(1, threads.size(), "500 quick stages of one read ran on " + threads.size() + " threads");
    }
}
