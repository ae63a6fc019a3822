package io.nats4j.bench.cli;

import io.nats4j.bench.core.BenchException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code nats-bench}: benchmark any NATS deployment from the JVM, the way {@code nats bench} does from Go.
 *
 * <pre>
 * nats-bench pub --server nats://a:4222,nats://b:4222 --clients 4 --msgs 1m --size 128
 * nats-bench reply --subject svc &amp;  nats-bench request --subject svc --msgs 100k --in-flight 10
 * nats-bench pubsub --rate 50000 --size 64 --duration 30s --json
 * </pre>
 *
 * <p>A bad option or a failed run ends with one line on standard error and a non-zero exit: 2 for a
 * usage error, 1 for a run that could not be done (unreachable server, bad credentials).
 */
@Command(name = "nats-bench", mixinStandardHelpOptions = true, versionProvider = BenchCli.Version.class,
        description = "Benchmark a NATS deployment from the JVM.",
        subcommands = {Commands.Pub.class, Commands.Sub.class, Commands.PubSub.class, Commands.Request.class,
            Commands.Reply.class, JetStreamCommands.Js.class, JetStreamCommands.Kv.class, RaceCommand.class,
            JmhCommand.class})
public final class BenchCli {

    /** Exit code of a run that could not be done. */
    public static final int EXIT_FAILED = 1;
    /** Exit code of a bad command line. */
    public static final int EXIT_USAGE = 2;

    private BenchCli() {
    }

    /**
     * Runs the tool and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the tool without exiting, for tests and embedding.
     *
     * @param args the command line
     * @param out where results go
     * @param err where progress and errors go
     * @return the exit status: 0 done, 1 failed, 2 usage error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new BenchCli());
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("nats-bench: " + e.getMessage() + " (try --help)");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            c.getErr().println("nats-bench: " + oneLine(e));
            return e instanceof BenchException b && isUsage(b) ? EXIT_USAGE : EXIT_FAILED;
        });
        return cli.execute(args);
    }

    private static boolean isUsage(BenchException e) {
        return e.getMessage() != null && e.getMessage().startsWith("--");
    }

    /** The exception's own message when it has one (ours are written for people), else its type and cause. */
    static String oneLine(Throwable e) {
        if (e instanceof BenchException && e.getMessage() != null) {
            return e.getMessage();
        }
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
        return m.replace('\n', ' ');
    }

    /** The version line: nats4j's and the JVM's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BenchCli.class.getPackage().getImplementationVersion();
            return new String[] {"nats-bench " + (v == null ? "(development build)" : v) + " on Java " + Runtime.version()};
        }
    }
}
