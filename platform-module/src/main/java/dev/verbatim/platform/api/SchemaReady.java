package dev.verbatim.platform.api;

/**
 * Fired once at start-up after all migrations ran; start-up work that touches the database observes
 * this.
 */
public record SchemaReady() {}
