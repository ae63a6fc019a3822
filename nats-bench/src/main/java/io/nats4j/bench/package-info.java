/** Benchmarks and the demo. */
package io.nats4j.bench;
