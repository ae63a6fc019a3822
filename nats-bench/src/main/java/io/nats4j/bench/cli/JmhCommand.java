package io.nats4j.bench.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code nats-bench jmh ...}: the JMH microbenchmarks, with JMH's own command line. */
@Command(name = "jmh", description = "Run the JMH microbenchmarks; arguments go to JMH (e.g. 'Parser' -prof gc, or -h).")
final class JmhCommand implements Callable<Integer> {

    @Unmatched
    List<String> args = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        org.openjdk.jmh.Main.main(args.toArray(new String[0]));
        return 0;
    }
}
