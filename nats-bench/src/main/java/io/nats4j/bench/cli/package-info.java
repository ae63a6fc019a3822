/** The {@code nats-bench} command line ({@link io.nats4j.bench.cli.BenchCli}). */
package io.nats4j.bench.cli;
