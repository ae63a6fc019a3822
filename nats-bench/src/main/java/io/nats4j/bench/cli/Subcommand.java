package io.nats4j.bench.cli;

import io.nats4j.bench.core.BenchException;
import io.nats4j.bench.core.Progress;
import io.nats4j.bench.core.ReportFormat;
import io.nats4j.bench.core.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every workload subcommand does: run with a progress display, then print text or JSON, and CSV if asked. */
abstract class Subcommand implements Callable<Integer> {

    @Mixin
    ConnectOptions connect;

    @Mixin
    LoadOptions opts;

    @Spec
    CommandSpec spec;

    /**
     * Runs the workload.
     *
     * @param progress the progress counter to feed
     * @return the report
     * @throws Exception when the run fails
     */
    abstract RunReport run(Progress progress) throws Exception;

    /**
     * Returns the messages the progress display should expect.
     *
     * @return the count, 0 when unknown
     */
    long expected() {
        return opts.msgs == null ? (opts.duration != null ? 0 : 100_000) : opts.msgs;
    }

    @Override
    public Integer call() throws Exception {
        Progress progress = new Progress(expected());
        RunReport report;
        AutoCloseable display = ProgressDisplay.start(progress, spec.commandLine().getErr(), !opts.noProgress);
        try {
            report = run(progress);
        } finally {
            display.close();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(opts.json ? ReportFormat.json(report) + System.lineSeparator() : ReportFormat.text(report));
        out.flush();
        if (opts.csv != null) {
            try {
                Files.writeString(opts.csv, ReportFormat.csv(report), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BenchException("--csv " + opts.csv + ": cannot write (" + e.getMessage() + ")", e);
            }
        }
        printed();
        return 0;
    }

    /** Called once the report has been printed. */
    void printed() {
    }
}
