package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.testing.LeakCheckExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 11, defects 5 and 6 on the options side: bad input to {@link Options.Builder} and
 * {@link Nats#connect} fails at once with a {@link NatsIllegalArgumentException} naming the option
 * and the part that is wrong (never a bare NullPointerException or ArithmeticException).
 */
@ExtendWith(LeakCheckExtension.class)
class ArgumentChecksTest {

    /** Runs {@code call}, expecting a NatsIllegalArgumentException whose message has each of {@code parts}. */
    private static NatsIllegalArgumentException rejected(Executable call, String... parts) {
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(part),
                    () -> "expected '" + part + "' in: " + e.getMessage());
        }
        return e;
    }

    @Test
    void nullArgumentsNameTheOption() {
        rejected(() -> Options.builder().servers((String[]) null), "servers");
        rejected(() -> Options.builder().servers("nats://a:4222", null), "servers");
        rejected(() -> Options.builder().server(null), "server");
        rejected(() -> Options.builder().connectTimeout(null), "connectTimeout");
        rejected(() -> Options.builder().reconnectJitter(Duration.ZERO, null), "reconnectJitter");
        rejected(() -> Options.builder().userInfo(null, "p"), "user");
        rejected(() -> Options.builder().userInfo("u", null), "password");
        rejected(() -> Options.builder().token(null), "token");
        rejected(() -> Options.builder().nkey(null), "seed");
        rejected(() -> Options.builder().credentials(null), "credentials");
        rejected(() -> Options.builder().authenticator(null), "authenticator");
        rejected(() -> Options.builder().sslContext(null), "sslContext");
        rejected(() -> Options.builder().inboxPrefix(null), "inboxPrefix");
        rejected(() -> Options.builder().executor(null), "executor");
        rejected(() -> Options.builder().threadFactory(null), "threadFactory");
        rejected(() -> Options.builder().transportOption(null), "transportOption");
        rejected(() -> Nats.connect((Options) null), "options");
        rejected(() -> Nats.connect((String) null), "server");
    }

    @Test
    void inboxPrefixErrorsNameTheOption() {
        rejected(() -> Options.builder().inboxPrefix("a b"), "inboxPrefix", "'a b'", "whitespace");
        rejected(() -> Options.builder().inboxPrefix("_INBOX.*"), "inboxPrefix", "wildcard");
        rejected(() -> Options.builder().inboxPrefix("a..b"), "inboxPrefix", "empty token");
        rejected(() -> Options.builder().inboxPrefix(""), "inboxPrefix", "empty");
        rejected(() -> Options.builder().inboxPrefix("..."), "inboxPrefix", "empty");
    }

    @Test
    void durationsTooLargeForTheClockAreRejected() {
        Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
        rejected(() -> Options.builder().connectTimeout(forever), "connectTimeout", "at most");
        rejected(() -> Options.builder().writeTimeout(forever), "writeTimeout", "at most");
        rejected(() -> Options.builder().pingInterval(forever), "pingInterval", "at most");
        rejected(() -> Options.builder().reconnectWait(forever), "reconnectWait", "at most");
        rejected(() -> Options.builder().reconnectJitter(forever, Duration.ZERO), "reconnectJitter", "at most");
        Options.builder().pingInterval(Duration.ofDays(365)).connectTimeout(Duration.ofDays(1)).build();
        rejected(() -> Options.builder().maxControlLine(100), "maxControlLine");
        rejected(() -> Options.builder().maxControlLine(Integer.MAX_VALUE), "maxControlLine");
    }

    @Test
    void malformedUrlsNameTheWrongPart() {
        rejected(() -> Options.builder().server("nats//x"), "'://'", "nats//x");
        rejected(() -> Options.builder().server("nats://h:abc"), "port 'abc'");
        rejected(() -> Options.builder().server("nats://h:4222/orders"), "path '/orders'");
        rejected(() -> Nats.connect("nats://alice:s3cr3t@h:abc"), "port 'abc'");
        NatsIllegalArgumentException e = rejected(() -> Nats.connect("nats://alice:s3cr3t@h:4222/x"), "path");
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        Options.builder().server("ws://h:8080/nats?x=1").server("wss://h/p").server("nats://h:4222/").build();
    }
}
