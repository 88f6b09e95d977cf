package dev.verbatim.reporting.internal.domain;

import java.time.LocalDate;

/**
 * What a report is about: a survey, a team, an owner (each optional) and a period of whole UTC
 * days, both ends included (either open). Team and owner narrow the case figures; survey-side
 * figures (invitations, responses, scores) are per survey and not shown for a team or owner.
 */
public record ReportFilter(
    String surveyId, String teamId, String ownerId, LocalDate from, LocalDate to) {
  public static final ReportFilter ALL = new ReportFilter(null, null, null, null, null);

  public Integer fromDay() {
    return from == null ? null : (int) from.toEpochDay();
  }

  public Integer toDay() {
    return to == null ? null : (int) to.toEpochDay();
  }

  public boolean narrowsCases() {
    return teamId != null || ownerId != null;
  }

  public ReportFilter withPeriod(LocalDate newFrom, LocalDate newTo) {
    return new ReportFilter(surveyId, teamId, ownerId, newFrom, newTo);
  }
}
