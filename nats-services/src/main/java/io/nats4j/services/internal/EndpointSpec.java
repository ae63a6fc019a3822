package io.nats4j.services.internal;

import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.Subjects;
import io.nats4j.services.EndpointConfig;
import io.nats4j.services.EndpointInfo;
import io.nats4j.services.ServiceHandler;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An endpoint ready to subscribe: its resolved info and its handler.
 *
 * @param info the full subject, queue group and metadata
 * @param handler the request handler
 */
public record EndpointSpec(EndpointInfo info, ServiceHandler handler) {

    /** Service and endpoint names: letters, digits, {@code -} and {@code _} (ADR-32). */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * Validates an endpoint and resolves its subject and queue group: the endpoint's own queue group,
     * else the group's, else the service's.
     *
     * @param config the endpoint
     * @param groupPrefix the group's subject prefix, empty outside a group
     * @param groupQueue the group's queue group, null when it has none
     * @param serviceQueue the service's queue group, null when the service disabled queue groups
     * @return the endpoint ready to subscribe
     * @throws NatsIllegalArgumentException on an invalid name, subject or queue group
     */
    public static EndpointSpec resolve(EndpointConfig config, String groupPrefix, String groupQueue,
            String serviceQueue) {
        if (!NAME.matcher(config.name()).matches()) {
            throw new NatsIllegalArgumentException("endpoint name '" + config.name()
                    + "' may hold only letters, digits, '-' and '_'");
        }
        String subject = groupPrefix.isEmpty() ? config.subject() : groupPrefix + "." + config.subject();
        Subjects.validateSubscribe(subject);
        Optional<String> queue;
        if (config.queueGroupDisabled()) {
            queue = Optional.empty();
        } else if (config.queueGroup().isPresent()) {
            Subjects.validateQueue(config.queueGroup().get());
            queue = config.queueGroup();
        } else {
            queue = Optional.ofNullable(groupQueue != null ? groupQueue : serviceQueue);
        }
        return new EndpointSpec(new EndpointInfo(config.name(), subject, queue, config.metadata()), config.handler());
    }
}
