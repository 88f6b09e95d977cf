package dev.verbatim.survey.api;

/** Aggregates computed in the database for one survey. */
public record SurveyCounts(
    long invitations, long responses, long promoters, long passives, long detractors) {}
