package dev.verbatim.reporting.internal.application;

import dev.verbatim.followup.api.FollowupDirectory;
import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.reporting.internal.domain.ReportFilter;
import dev.verbatim.survey.api.SurveyDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the report query parameters into a {@link ReportFilter}: dates must be yyyy-MM-dd with from
 * not after to (400 naming the parameter); a survey, team or owner must exist (404).
 */
@ApplicationScoped
public class ReportScope {
  @Inject SurveyDirectory surveys;
  @Inject FollowupDirectory followup;
  @Inject StaffDirectory staff;

  public ReportFilter filter(String survey, String team, String owner, String from, String to) {
    ReportFilter f = parse(survey, team, owner, from, to);
    if (f.surveyId() != null && surveys.survey(f.surveyId()).isEmpty()) {
      throw new ResourceNotFoundException("There is no survey with id " + f.surveyId() + ".");
    }
    if (f.teamId() != null && !followup.teamNames().containsKey(f.teamId())) {
      throw new ResourceNotFoundException("There is no team with id " + f.teamId() + ".");
    }
    if (f.ownerId() != null && staff.findById(f.ownerId()).isEmpty()) {
      throw new ResourceNotFoundException("There is no owner with id " + f.ownerId() + ".");
    }
    return f;
  }

  static ReportFilter parse(String survey, String team, String owner, String from, String to) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate fromDate = date("from", from, errors);
    LocalDate toDate = date("to", to, errors);
    if (errors.isEmpty() && fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
      errors.add(new FieldError("from", "The period starts (from) after it ends (to)."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new ReportFilter(
        blankToNull(survey), blankToNull(team), blankToNull(owner), fromDate, toDate);
  }

  private static LocalDate date(String field, String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "Write the date as yyyy-MM-dd, for example 2026-03-31."));
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
