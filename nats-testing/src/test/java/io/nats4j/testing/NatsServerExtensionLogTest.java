package io.nats4j.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs sample tests through the JUnit launcher to see what the extension prints. */
class NatsServerExtensionLogTest {

    private static volatile boolean launched;

    static boolean launched() {
        return launched;
    }

    /** Only runs when launched from this test (surefire skips nested classes anyway). */
    @EnabledIf("io.nats4j.testing.NatsServerExtensionLogTest#launched")
    @ExtendWith(NatsServerExtension.class)
    static class Sample {
        @Test
        void fails(NatsServer server) {
            assertEquals("this test fails on purpose", server.url());
        }

        @Test
        void passes(NatsServer server) {
            assertTrue(server.isRunning());
        }
    }

    @Test
    void printsTheServerLogOnlyForTheFailingTest() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launched = true;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Sample.class)).build();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, summary);
        } finally {
            System.setErr(originalErr);
            launched = false;
        }
        assertEquals(1, summary.getSummary().getTestsFailedCount());
        assertEquals(1, summary.getSummary().getTestsSucceededCount());
        String err = captured.toString(StandardCharsets.UTF_8);
        assertTrue(err.contains("for failed test fails(NatsServer)"), err);
        assertTrue(err.contains("Server is ready"), err);
        assertFalse(err.contains("for failed test passes"), err);
    }
}
