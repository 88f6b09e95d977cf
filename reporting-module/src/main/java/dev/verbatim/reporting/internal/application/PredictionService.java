package dev.verbatim.reporting.internal.application;

import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.reporting.internal.domain.NetPromoterScore;
import dev.verbatim.reporting.internal.domain.ReportPeriod;
import dev.verbatim.reporting.internal.persistence.PredictionRepository;
import dev.verbatim.reporting.internal.persistence.PredictionRepository.RoundRow;
import dev.verbatim.survey.api.SurveyDirectory;
import dev.verbatim.survey.api.SurveySummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The perception gap: staff predict a survey's NPS and top complaint for a period; the result puts
 * each prediction and their mean next to what customers said in that period.
 */
@ApplicationScoped
public class PredictionService {
  @Inject PredictionRepository predictions;
  @Inject SurveyDirectory surveys;
  @Inject StaffDirectory staff;
  @Inject RootCauseReport rootCauses;
  @Inject ThemeReport themes;
  @Inject Clock clock;

  public record Round(
      String id, String surveyId, String surveyTitle, ReportPeriod period, boolean open) {}

  public record Prediction(
      String staffId, String staffName, int nps, String topComplaint, long submittedAt) {}

  /**
   * @param gap mean predicted NPS minus actual NPS, in points; null when either is missing
   */
  public record Result(
      Round round,
      List<Prediction> predictions,
      Double meanPrediction,
      Double actualNps,
      long actualResponses,
      String actualTopRootCause,
      String actualTopTheme,
      Double gap) {}

  @Transactional
  public Round createRound(String surveyId, String from, String to, StaffUser by) {
    if (surveyId == null || surveyId.isBlank()) {
      throw new InvalidInputException("survey", "Choose the survey to predict.");
    }
    SurveySummary survey =
        surveys
            .survey(surveyId)
            .orElseThrow(
                () ->
                    new ResourceNotFoundException("There is no survey with id " + surveyId + "."));
    ReportPeriod period = ReportPeriod.parse(from, to);
    if (period.from() == null) {
      throw new InvalidInputException("from", "Give the first day of the period.");
    }
    if (period.to() == null) {
      throw new InvalidInputException("to", "Give the last day of the period.");
    }
    String id = Ids.newId();
    predictions.insertRound(
        id, surveyId, period.fromText(), period.toText(), by.id(), clock.millis());
    return new Round(id, surveyId, survey.title(), period, clock.millis() < period.endMillis());
  }

  public List<Round> rounds() {
    return predictions.rounds().stream().map(this::round).toList();
  }

  public Round round(String roundId) {
    return predictions.round(roundId).stream()
        .map(this::round)
        .findFirst()
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "There is no prediction round with id " + roundId + "."));
  }

  private Round round(RoundRow row) {
    return round(row.id(), row.surveyId(), row.periodFrom(), row.periodTo());
  }

  private Round round(String id, String surveyId, String from, String to) {
    ReportPeriod period = ReportPeriod.parse(from, to);
    return new Round(
        id,
        surveyId,
        surveys.survey(surveyId).map(SurveySummary::title).orElse("(deleted survey)"),
        period,
        clock.millis() < period.endMillis());
  }

  /** One prediction per person per round; submitting again replaces it until the period ends. */
  @Transactional
  public Prediction submit(String roundId, StaffUser who, String npsText, String topComplaint) {
    Round round = round(roundId);
    if (!round.open()) {
      throw new StateConflictException(
          "The period of this round has ended; predictions are closed.");
    }
    int nps;
    try {
      nps = Integer.parseInt(npsText == null ? "" : npsText.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "nps", "Give the NPS you expect as a whole number from -100 to 100.");
    }
    if (nps < -100 || nps > 100) {
      throw new InvalidInputException("nps", "An NPS lies between -100 and 100.");
    }
    String complaint = topComplaint == null ? "" : topComplaint.strip();
    if (complaint.isEmpty()) {
      throw new InvalidInputException(
          "topComplaint", "Say what you think customers complain about most.");
    }
    if (complaint.length() > 500) {
      throw new InvalidInputException("topComplaint", "Keep it under 500 characters.");
    }
    long now = clock.millis();
    predictions.savePrediction(roundId, who.id(), nps, complaint, now);
    return new Prediction(who.id(), who.displayName(), nps, complaint, now);
  }

  public Optional<Prediction> mine(String roundId, StaffUser who) {
    return predictions(roundId).stream().filter(p -> p.staffId().equals(who.id())).findFirst();
  }

  private List<Prediction> predictions(String roundId) {
    return predictions.predictions(roundId).stream()
        .map(
            p ->
                new Prediction(
                    p.staffId(),
                    staff
                        .findById(p.staffId())
                        .map(StaffUser::displayName)
                        .orElse("(former staff)"),
                    p.nps(),
                    p.topComplaint(),
                    p.submittedAt()))
        .toList();
  }

  public Result result(String roundId) {
    Round round = round(roundId);
    List<Prediction> predictions = predictions(roundId);
    Double mean =
        predictions.isEmpty()
            ? null
            : Math.round(predictions.stream().mapToInt(Prediction::nps).average().orElse(0) * 10)
                / 10.0;
    NetPromoterScore actual = actualNps(round);
    RootCauseReport.Result causes = rootCauses.report(round.period(), round.surveyId(), null);
    ThemeReport.Result found = themes.report(round.period(), round.surveyId());
    Double gap =
        mean == null || actual.score() == null
            ? null
            : Math.round((mean - actual.score()) * 10) / 10.0;
    return new Result(
        round,
        predictions,
        mean,
        actual.score(),
        actual.answered(),
        causes.causes().isEmpty() ? null : causes.causes().get(0).label(),
        found.themes().isEmpty() ? null : found.themes().get(0).term(),
        gap);
  }

  private NetPromoterScore actualNps(Round round) {
    long[] c =
        predictions.npsCounts(
            round.surveyId(), round.period().startMillis(), round.period().endMillis());
    return new NetPromoterScore(c[0], c[1], c[2]);
  }
}
