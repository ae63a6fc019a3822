/**
 * The NATS client API: {@link io.nats4j.client.Nats} connects, a {@link io.nats4j.client.Connection}
 * publishes, subscribes and requests.
 */
package io.nats4j.client;
