package io.nats4j.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs a real {@code nats-server} for tests and injects it as a
 * {@link NatsServer} parameter.
 *
 * <p>Declared with {@code @ExtendWith}, every test method gets a fresh server with the default
 * config:
 *
 * <pre>{@code
 * @ExtendWith(NatsServerExtension.class)
 * class PublishTest {
 *     @Test
 *     void publishes(NatsServer server) {
 *         Connection c = Nats.connect(server.url());
 *     }
 * }
 * }</pre>
 *
 * <p>Registered with a config, one server serves the whole test class (started before all tests,
 * closed after them), unless {@link #perTest()} asks for one per test method:
 *
 * <pre>{@code
 * class AuthTest {
 *     @RegisterExtension
 *     static NatsServerExtension nats = NatsServerExtension.withConfig(
 *         NatsServerConfig.builder().user("alice", "s3cret").build());
 *
 *     @Test
 *     void logsIn() {
 *         Connection c = Nats.connect(nats.server().url(), ...);
 *     }
 * }
 * }</pre>
 *
 * <p>When a test fails, the server's log is printed to standard error. Pitfalls: a class-wide
 * server starts only from a {@code static} field (JUnit calls before-all callbacks only for those);
 * an instance field works with {@link #perTest()}. A class-wide
 * server carries state (subscriptions, restarts, lame duck) from one test to the next; use
 * {@link #perTest()} for tests that stop or reconfigure it. {@link #server()} returns the most
 * recently started server, which is ambiguous when tests of one class run in parallel with
 * {@link #perTest()}; inject the parameter instead.
 */
public final class NatsServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NatsServerExtension.class);
    private static final String KEY = "server";

    private final NatsServerConfig config;
    private final boolean perTest;
    private volatile NatsServer current;
    private volatile String classOwner;

    /**
     * Creates the extension with the default config and a fresh server per test method; used by
     * {@code @ExtendWith(NatsServerExtension.class)}.
     */
    public NatsServerExtension() {
        this(NatsServerConfig.defaults(), true);
    }

    private NatsServerExtension(NatsServerConfig config, boolean perTest) {
        this.config = config;
        this.perTest = perTest;
    }

    /**
     * Creates an extension that runs one server with {@code config} for the whole test class.
     *
     * @param config the server config
     * @return the extension, for a {@code static} {@code @RegisterExtension} field
     * @throws IllegalArgumentException if {@code config} is null
     */
    public static NatsServerExtension withConfig(NatsServerConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        return new NatsServerExtension(config, false);
    }

    /**
     * Returns an extension with the same config that starts a fresh server for every test method.
     *
     * @return a new extension
     */
    public NatsServerExtension perTest() {
        return new NatsServerExtension(config, true);
    }

    /**
     * Returns the running server of the current test (or class).
     *
     * @return the server
     * @throws IllegalStateException if no server is running (outside a test, or before it started)
     */
    public NatsServer server() {
        NatsServer s = current;
        if (s == null) {
            throw new IllegalStateException("no nats-server is running: server() is only available while tests run"
                + (perTest ? "" : ", and a class-wide server needs the extension in a static @RegisterExtension field"));
        }
        return s;
    }

    /**
     * Starts the class-wide server unless this extension runs one per test.
     *
     * @param context the class context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        // Nested classes call beforeAll again: the outermost class owns the one server.
        if (perTest || classOwner != null) {
            return;
        }
        NatsServer s = NatsServer.start(config);
        classOwner = context.getUniqueId();
        current = s;
        context.getStore(NAMESPACE).put(KEY, s);
    }

    /**
     * Closes the class-wide server.
     *
     * @param context the class context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        if (perTest || !context.getUniqueId().equals(classOwner)) {
            return;
        }
        NatsServer s = context.getStore(NAMESPACE).remove(KEY, NatsServer.class);
        classOwner = null;
        current = null;
        if (s != null) {
            s.close();
        }
    }

    /**
     * Starts the test's own server in per-test mode.
     *
     * @param context the test method context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perTest) {
            return;
        }
        NatsServer s = NatsServer.start(config);
        current = s;
        context.getStore(NAMESPACE).put(KEY, s);
    }

    /**
     * Prints the server log if the test failed, and closes the test's own server in per-test mode.
     *
     * @param context the test method context
     */
    @Override
    public void afterEach(ExtensionContext context) {
        NatsServer s = context.getStore(NAMESPACE).get(KEY, NatsServer.class);
        if (s != null && context.getExecutionException().isPresent()) {
            System.err.println("=== nats-server log of " + s + " for failed test " + context.getDisplayName()
                + " ===\n" + s.log() + "=== end of nats-server log ===");
        }
        if (perTest) {
            NatsServer own = context.getStore(NAMESPACE).remove(KEY, NatsServer.class);
            if (own != null) {
                if (current == own) {
                    current = null;
                }
                own.close();
            }
        }
    }

    /**
     * Supports parameters of type {@link NatsServer}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return whether the parameter is a {@link NatsServer}
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == NatsServer.class;
    }

    /**
     * Resolves the running server of the test (or class).
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return the server
     * @throws ParameterResolutionException if no server runs yet, as for a constructor parameter
     *     in per-test mode
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        NatsServer s = extensionContext.getStore(NAMESPACE).get(KEY, NatsServer.class);
        if (s == null) {
            throw new ParameterResolutionException("no nats-server is running for " + extensionContext.getDisplayName()
                + (perTest ? ": in per-test mode the server can be injected into test and @BeforeEach/@AfterEach "
                    + "methods only" : ""));
        }
        return s;
    }
}
