/**
 * The WebSocket transport for {@code ws://} and {@code wss://} URLs: {@link
 * io.nats4j.transport.ws.WsTransportProvider} (found by {@link java.util.ServiceLoader}) and its
 * options, {@link io.nats4j.transport.ws.WsOptions}, handed over with
 * {@code Options.builder().transportOption(wsOptions)}.
 */
package io.nats4j.transport.ws;
