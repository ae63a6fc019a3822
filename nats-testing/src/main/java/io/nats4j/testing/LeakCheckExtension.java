package io.nats4j.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that fails a test which leaves a nats4j client thread running or lets an
 * exception escape any thread: after each test (and after its {@code @AfterEach} methods), it waits
 * a bounded time for every thread named {@code nats4j-<role>-...} to end, then checks that no thread
 * died of an uncaught exception while the test ran.
 *
 * <pre>{@code
 * @ExtendWith(LeakCheckExtension.class)
 * class OrdersTest {
 *     @Test
 *     void placesAnOrder() {
 *         try (Connection nc = Nats.connect(url)) {
 *             ...
 *         } // the extension fails the test if nc's threads outlive it
 *     }
 * }
 * }</pre>
 *
 * <p>Default wait: 10 seconds; {@code @RegisterExtension static LeakCheckExtension leaks =
 * LeakCheckExtension.waitingUpTo(Duration.ofSeconds(2));} changes it. Threads of the nats-testing
 * fixtures ({@code nats4j-testing-...}) are not client threads and are ignored.
 *
 * <p>Pitfalls: a connection kept open across tests (in a static field) fails the first test; close it
 * per test, or check only once with {@link #assertNoClientThreads(Duration)} from {@code @AfterAll}.
 * The uncaught-exception check installs a default uncaught exception handler (keeping the previous
 * one, which is still called); tests that run in parallel share it.
 */
public final class LeakCheckExtension implements BeforeEachCallback, AfterEachCallback {

    /** Client threads: {@code nats4j-<role>-<id>[-<n>]}, the fixtures' {@code nats4j-testing-...} excepted. */
    private static final Pattern CLIENT_THREAD = Pattern.compile("nats4j-(?!testing-)[a-z][a-z-]*-\\d+(-\\d+)*");
    private static final List<String> UNCAUGHT = new CopyOnWriteArrayList<>();
    private static boolean installed; // guarded by the class

    private final Duration wait;

    /** An extension waiting up to 10 seconds for client threads to end; for {@code @ExtendWith}. */
    public LeakCheckExtension() {
        this(Duration.ofSeconds(10));
    }

    private LeakCheckExtension(Duration wait) {
        this.wait = wait;
        install();
    }

    /**
     * An extension that waits up to {@code wait} for client threads to end.
     *
     * @param wait the bound, positive
     * @return the extension
     */
    public static LeakCheckExtension waitingUpTo(Duration wait) {
        if (wait == null || wait.isNegative() || wait.isZero()) {
            throw new IllegalArgumentException("wait must be positive, was " + wait);
        }
        return new LeakCheckExtension(wait);
    }

    private static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            UNCAUGHT.add(t.getName() + ": " + e);
            if (previous != null) {
                previous.uncaughtException(t, e);
            }
        });
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        UNCAUGHT.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertNoClientThreads(wait);
    }

    /**
     * Waits up to {@code wait} until no client thread is alive, then checks that no exception
     * escaped a thread since the current test began.
     *
     * @param wait how long client threads may take to end
     * @throws AssertionError naming the threads still alive, or the exceptions that escaped
     */
    public static void assertNoClientThreads(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<String> alive;
        while (!(alive = liveClientThreads()).isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("client threads still alive " + wait.toMillis() + " ms after the test: " + alive);
            }
            LockSupport.parkNanos(2_000_000); // poll interval of a bounded wait for threads to end
        }
        if (!UNCAUGHT.isEmpty()) {
            List<String> escaped = new ArrayList<>(UNCAUGHT);
            UNCAUGHT.clear();
            throw new AssertionError("exceptions escaped threads: " + escaped);
        }
    }

    /**
     * Names of the nats4j client threads alive now.
     *
     * @return thread names, empty when none
     */
    public static List<String> liveClientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> CLIENT_THREAD.matcher(n).matches())
                .sorted()
                .collect(Collectors.toList());
    }
}
