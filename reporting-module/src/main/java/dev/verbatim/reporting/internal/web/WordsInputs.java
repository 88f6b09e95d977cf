package dev.verbatim.reporting.internal.web;

import dev.verbatim.followup.api.FollowupDirectory;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.reporting.internal.domain.ReportPeriod;
import dev.verbatim.survey.api.SurveyDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Checks the survey, team and period parameters of the root-cause and theme reports. */
@ApplicationScoped
public class WordsInputs {
  /** Root causes and themes cover the last 30 days up to today when no period is given. */
  static final int DEFAULT_DAYS = 30;

  @Inject SurveyDirectory surveys;
  @Inject FollowupDirectory followup;
  @Inject Clock clock;

  String survey(String survey) {
    if (survey == null || survey.isBlank()) {
      return null;
    }
    if (surveys.survey(survey).isEmpty()) {
      throw new ResourceNotFoundException("There is no survey with id " + survey + ".");
    }
    return survey;
  }

  String team(String team) {
    if (team == null || team.isBlank()) {
      return null;
    }
    if (!followup.teamNames().containsKey(team)) {
      throw new ResourceNotFoundException("There is no team with id " + team + ".");
    }
    return team;
  }

  ReportPeriod period(String from, String to) {
    return ReportPeriod.parseOrLast(
        from, to, LocalDate.now(clock.withZone(ZoneOffset.UTC)), DEFAULT_DAYS);
  }
}
