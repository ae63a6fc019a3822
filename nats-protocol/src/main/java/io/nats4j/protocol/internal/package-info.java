/**
 * The NATS wire codec: {@link io.nats4j.protocol.internal.Parser} for what the server sends,
 * {@link io.nats4j.protocol.internal.Encoder} for what the client sends, and
 * {@link io.nats4j.protocol.internal.HeadersCodec} for header blocks. No threads, no sockets.
 *
 * <p>Not API: exported only to the nats4j modules that need it, and free to change between releases.
 */
package io.nats4j.protocol.internal;
