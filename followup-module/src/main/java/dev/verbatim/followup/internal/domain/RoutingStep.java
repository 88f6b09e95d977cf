package dev.verbatim.followup.internal.domain;

/**
 * One step routing considered, in order: a rule, the survey's team, the fallback owner; whether it
 * decided, and why (or why it fell through).
 */
public record RoutingStep(String step, boolean decided, String reason) {}
