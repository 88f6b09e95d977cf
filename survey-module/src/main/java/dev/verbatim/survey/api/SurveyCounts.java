package dev.verbatim.survey.api;

/**
 * Aggregates computed in the database for one survey. {@code responses} and the NPS groups count
 * completed responses only; {@code partials} are responses started but not completed yet.
 */
public record SurveyCounts(
    long invitations,
    long responses,
    long promoters,
    long passives,
    long detractors,
    long partials) {

  public SurveyCounts(
      long invitations, long responses, long promoters, long passives, long detractors) {
    this(invitations, responses, promoters, passives, detractors, 0);
  }
}
