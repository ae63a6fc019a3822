package io.nats4j.services;

import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of one endpoint's statistics.
 *
 * <p>{@code errors} counts both {@link ServiceRequest#respondError} calls and handler exceptions
 * (answered with a 500 error reply); a request that did both counts once. A request is counted just
 * before its first reply is published (or when its handler returns, if it sent none), so a caller
 * holding a reply finds it in the stats; {@code processingTime} runs from receipt to that moment.
 *
 * @param name the endpoint name
 * @param subject the subject the endpoint listens on
 * @param requests requests handled
 * @param errors requests that ended in an error
 * @param processingTime total time spent in the handler
 * @param averageProcessingTime {@code processingTime / requests}, zero when there was none
 * @param lastError the last error as {@code "code:description"}, if there was one
 */
public record EndpointStats(String name, String subject, long requests, long errors, Duration processingTime,
        Duration averageProcessingTime, Optional<String> lastError) {
}
