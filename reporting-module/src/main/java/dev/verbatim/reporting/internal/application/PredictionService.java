package dev.verbatim.reporting.internal.application;

import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.reporting.internal.domain.NetPromoterScore;
import dev.verbatim.reporting.internal.domain.ReportPeriod;
import dev.verbatim.survey.api.SurveyDirectory;
import dev.verbatim.survey.api.SurveySummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject ReportJdbc jdbc;
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
    em.createNativeQuery(
            "INSERT INTO rpt_prediction_round (id, survey_id, period_from, period_to, created_by,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .setParameter(1, id)
        .setParameter(2, surveyId)
        .setParameter(3, period.fromText())
        .setParameter(4, period.toText())
        .setParameter(5, by.id())
        .setParameter(6, clock.millis())
        .executeUpdate();
    return new Round(id, surveyId, survey.title(), period, clock.millis() < period.endMillis());
  }

  public List<Round> rounds() {
    return jdbc.list(
        "SELECT id, survey_id, period_from, period_to FROM rpt_prediction_round"
            + " ORDER BY period_to DESC, created_at DESC",
        List.of(),
        rs -> round(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
  }

  public Round round(String roundId) {
    return jdbc
        .list(
            "SELECT id, survey_id, period_from, period_to FROM rpt_prediction_round WHERE id = ?",
            List.of(roundId == null ? "" : roundId),
            rs -> round(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .stream()
        .findFirst()
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "There is no prediction round with id " + roundId + "."));
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
    int updated =
        em.createNativeQuery(
                "UPDATE rpt_prediction SET predicted_nps = ?, top_complaint = ?, submitted_at = ?"
                    + " WHERE round_id = ? AND staff_id = ?")
            .setParameter(1, nps)
            .setParameter(2, complaint)
            .setParameter(3, now)
            .setParameter(4, roundId)
            .setParameter(5, who.id())
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "INSERT INTO rpt_prediction (id, round_id, staff_id, predicted_nps, top_complaint,"
                  + " submitted_at) VALUES (?, ?, ?, ?, ?, ?)")
          .setParameter(1, Ids.newId())
          .setParameter(2, roundId)
          .setParameter(3, who.id())
          .setParameter(4, nps)
          .setParameter(5, complaint)
          .setParameter(6, now)
          .executeUpdate();
    }
    return new Prediction(who.id(), who.displayName(), nps, complaint, now);
  }

  public Optional<Prediction> mine(String roundId, StaffUser who) {
    return predictions(roundId).stream().filter(p -> p.staffId().equals(who.id())).findFirst();
  }

  private List<Prediction> predictions(String roundId) {
    return jdbc.list(
        "SELECT staff_id, predicted_nps, top_complaint, submitted_at FROM rpt_prediction"
            + " WHERE round_id = ? ORDER BY submitted_at, id",
        List.of(roundId),
        rs ->
            new Prediction(
                rs.getString(1),
                staff
                    .findById(rs.getString(1))
                    .map(StaffUser::displayName)
                    .orElse("(former staff)"),
                rs.getInt(2),
                rs.getString(3),
                rs.getLong(4)));
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
    List<long[]> row =
        jdbc.list(
            "SELECT SUM(CASE WHEN nps_score >= 9 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN nps_score BETWEEN 7 AND 8 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN nps_score <= 6 THEN 1 ELSE 0 END)"
                + " FROM rpt_response WHERE survey_id = ? AND submitted_at >= ? AND submitted_at < ?"
                + " AND nps_score IS NOT NULL",
            List.of(round.surveyId(), round.period().startMillis(), round.period().endMillis()),
            rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
    long[] c = row.isEmpty() ? new long[3] : row.get(0);
    return new NetPromoterScore(c[0], c[1], c[2]);
  }
}
