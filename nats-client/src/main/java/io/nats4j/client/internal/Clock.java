package io.nats4j.client.internal;

import java.util.concurrent.TimeUnit;

/**
 * Time as the {@link Reconnector} sees it, so its tests can run the wait-and-jitter rules without
 * sleeping.
 */
interface Clock {

    /** The system clock; {@link #sleep} ends early when the sleeping thread is interrupted. */
    Clock SYSTEM = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    };

    /**
     * A monotonic time in nanoseconds, as {@link System#nanoTime()}.
     *
     * @return now
     */
    long nanoTime();

    /**
     * Waits for {@code nanos}.
     *
     * @param nanos how long
     * @throws InterruptedException when the wait was cut short by close
     */
    void sleep(long nanos) throws InterruptedException;
}
