/**
 * JMH microbenchmarks of the codec: the parser on MSG/HMSG streams and the publish encoder.
 *
 * <p>Build with {@code mvn -o package -pl nats-bench -DskipTests}, then run, for example,
 * {@code java -jar nats-bench/target/benchmarks.jar 'Parser|Encoder' -prof gc}; the
 * {@code gc.alloc.rate.norm} column is the allocation per operation (per message for the parser).
 */
package io.nats4j.bench.jmh;
