/**
 * A byte-counting transport for {@code counting://} URLs, written against the nats4j transport SPI
 * only ({@link io.nats4j.protocol.spi}).
 *
 * <pre>{@code
 * ByteCounter counter = new ByteCounter();
 * Options options = Options.builder()
 *     .server("counting://127.0.0.1:4222")
 *     .transportOption(counter)          // where this connection's bytes are counted
 *     .build();
 * }</pre>
 */
package com.example.nats.counting;
