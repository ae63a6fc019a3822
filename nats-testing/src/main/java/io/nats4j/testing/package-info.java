/**
 * Starts and stops real {@code nats-server} processes for tests.
 */
package io.nats4j.testing;
