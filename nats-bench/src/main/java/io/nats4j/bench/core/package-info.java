/**
 * The measuring core shared by the {@code nats-bench} tool and the race: workload runners
 * ({@link io.nats4j.bench.core.Publisher}, {@link io.nats4j.bench.core.Subscriber},
 * {@link io.nats4j.bench.core.Requester}, {@link io.nats4j.bench.core.Replier}) over a
 * {@link io.nats4j.bench.core.BenchClient} that nats4j and io.nats:jnats both implement, and the
 * reports they produce.
 */
package io.nats4j.bench.core;
