/**
 * Example applications written against the public nats4j API only. Each has a {@code main} taking
 * the server URL as its first argument (default {@code nats://localhost:4222}).
 */
package com.example.nats.apps;
