/**
 * The race ({@code nats-bench race}): nats4j against io.nats:jnats and libnats, each cell in a
 * fresh process, alternating, on a server started through nats-testing; Markdown, JSON and SVG output.
 */
package io.nats4j.bench.race;
