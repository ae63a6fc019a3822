/**
 * NATS services, the "micro" protocol (ADR-32): {@link io.nats4j.services.Service} runs endpoints in
 * queue groups with per-endpoint statistics and answers {@code $SRV.PING|INFO|STATS[.name[.id]]};
 * {@link io.nats4j.services.ServiceDiscovery} finds services; {@link io.nats4j.services.ServiceError}
 * reads and writes the {@code Nats-Service-Error} / {@code Nats-Service-Error-Code} headers.
 */
package io.nats4j.services;
