package io.nats4j.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The reader's stages are handed to the pool once per read, in order; other threads' go at once. */
class BatchingExecutorTest {

    private final List<Runnable> handedOver = new ArrayList<>();
    private final BatchingExecutor batching = new BatchingExecutor(handedOver::add);

    @Test
    void tasksOfOneReadBecomeOneHandOverRunInOrder() {
        batching.collectOnCurrentThread();
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            batching.execute(() -> ran.add(n));
        }
        assertEquals(0, handedOver.size(), "nothing handed over before the read is done");
        batching.flush();
        assertEquals(1, handedOver.size());
        handedOver.get(0).run();
        assertEquals(List.of(0, 1, 2), ran);
        batching.flush();
        assertEquals(1, handedOver.size(), "an empty read hands over nothing");
    }

    @Test
    void stopCollectingHandsOverWhatIsLeftAndLaterTasksGoDirectly() {
        batching.collectOnCurrentThread();
        batching.execute(() -> { });
        batching.stopCollecting();
        assertEquals(1, handedOver.size());
        batching.execute(() -> { });
        assertEquals(2, handedOver.size(), "not collecting any more: handed over at once");
    }

    @Test
    void otherThreadsAreNeverBatched() throws Exception {
        batching.collectOnCurrentThread();
        CompletableFuture.runAsync(() -> batching.execute(() -> { })).get();
        assertEquals(1, handedOver.size());
        batching.stopCollecting();
    }
}
