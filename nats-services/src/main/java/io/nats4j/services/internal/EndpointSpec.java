package io.nats4j.services.internal;

import io.nats4j.services.EndpointInfo;
import io.nats4j.services.ServiceHandler;

/**
 * An endpoint ready to subscribe: its resolved info and its handler.
 *
 * @param info the full subject, queue group and metadata
 * @param handler the request handler
 */
public record EndpointSpec(EndpointInfo info, ServiceHandler handler) {
}
