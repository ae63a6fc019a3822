package io.nats4j.services;

/**
 * Handles the requests of one service endpoint.
 *
 * <p>Threading: called on the endpoint's own worker (never on the connection's reader or dispatch
 * thread), one request at a time per endpoint and in arrival order. Run more instances of the service
 * (same name, same queue group) to handle more requests at once.
 *
 * <p>A handler that throws is answered with a {@code 500} error reply (unless it already replied) and
 * counted in {@link EndpointStats#errors()}; the endpoint goes on with the next request.
 */
@FunctionalInterface
public interface ServiceHandler {

    /**
     * Handles one request; reply with {@link ServiceRequest#respond} or {@link ServiceRequest#respondError}.
     *
     * @param request the request
     * @throws Exception anything; answered with a 500 error reply when no reply was sent yet
     */
    void handle(ServiceRequest request) throws Exception;
}
