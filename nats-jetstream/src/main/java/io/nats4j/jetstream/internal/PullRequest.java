package io.nats4j.jetstream.internal;

import java.time.Duration;

/**
 * The body of a {@code CONSUMER.MSG.NEXT} request.
 *
 * @param batch most messages
 * @param maxBytes most bytes, 0 for none
 * @param expires when the server drops the request, zero for never
 * @param noWait answer at once (404 when nothing is there)
 * @param idleHeartbeat heartbeat interval, zero for none
 */
record PullRequest(int batch, long maxBytes, Duration expires, boolean noWait, Duration idleHeartbeat) {

    byte[] encode() {
        return Json.encode(g -> {
            g.writeStartObject();
            g.writeNumberField("batch", batch);
            if (maxBytes > 0) {
                g.writeNumberField("max_bytes", maxBytes);
            }
            if (!expires.isZero()) {
                g.writeNumberField("expires", expires.toNanos());
            }
            if (noWait) {
                g.writeBooleanField("no_wait", true);
            }
            if (!idleHeartbeat.isZero()) {
                g.writeNumberField("idle_heartbeat", idleHeartbeat.toNanos());
            }
            g.writeEndObject();
        });
    }
}
