/**
 * Starts and stops real {@code nats-server} processes for tests, for nats4j itself and for
 * applications testing their own NATS code.
 *
 * <ul>
 *   <li>{@link io.nats4j.testing.NatsServer}: one server on ephemeral loopback ports; restart keeps
 *       the ports; stop, kill, lame duck; log and monitoring endpoints.</li>
 *   <li>{@link io.nats4j.testing.NatsServerConfig}: the config builder (auth, TLS, WebSocket,
 *       monitoring, JetStream, limits, operator mode, raw snippets).</li>
 *   <li>{@link io.nats4j.testing.NatsCluster}: N fully meshed nodes.</li>
 *   <li>{@link io.nats4j.testing.TestCertificates}: a throwaway CA with server and client
 *       certificates, made at run time.</li>
 *   <li>{@link io.nats4j.testing.FakeServer}: a scripted fake for misbehaviour a real server will
 *       not produce on cue.</li>
 *   <li>{@link io.nats4j.testing.NatsServerExtension}: the JUnit 5 extension.</li>
 * </ul>
 *
 * <p>The {@code nats-server} binary must be installed ({@code apt-get install nats-server}) or
 * named by the {@code NATS_SERVER} environment variable.
 */
package io.nats4j.testing;
