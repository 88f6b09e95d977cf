package dev.verbatim.platform.internal.infrastructure;

/**
 * Fired when a message is queued; observed after commit to start a drain without waiting for the
 * next tick.
 */
record OutboxEnqueued(String messageId) {}
