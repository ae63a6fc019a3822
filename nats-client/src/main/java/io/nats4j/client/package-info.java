/**
 * The NATS client API: {@link io.nats4j.client.Nats} connects, a {@code Connection}
 * publishes, subscribes and requests.
 */
package io.nats4j.client;
