/**
 * Socket plumbing shared by the TCP and WebSocket transport modules (exported to them only): a
 * deadline-bounded connect over every resolved address, and a non-blocking socket with
 * selector-bounded writes that can be upgraded to TLS. Not an API.
 */
package io.nats4j.protocol.internal.net;
