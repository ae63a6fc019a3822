/**
 * The NATS wire codec: {@link io.nats4j.protocol.Parser} for what the server sends,
 * {@link io.nats4j.protocol.Encoder} for what the client sends, header blocks, INFO and CONNECT
 * JSON, NUIDs, subject validation, URLs, and the exception hierarchy every module shares.
 */
package io.nats4j.protocol;
