package dev.verbatim.reporting.internal.persistence;

import dev.verbatim.platform.api.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Prediction rounds and the predictions of staff (rpt_prediction_round, rpt_prediction). */
@ApplicationScoped
public class PredictionRepository {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject ReportJdbc jdbc;

  /** A round as stored: its period as the text it was given in. */
  public record RoundRow(String id, String surveyId, String periodFrom, String periodTo) {}

  public record PredictionRow(String staffId, int nps, String topComplaint, long submittedAt) {}

  public void insertRound(
      String id, String surveyId, String periodFrom, String periodTo, String createdBy, long at) {
    em.createNativeQuery(
            "INSERT INTO rpt_prediction_round (id, survey_id, period_from, period_to, created_by,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .setParameter(1, id)
        .setParameter(2, surveyId)
        .setParameter(3, periodFrom)
        .setParameter(4, periodTo)
        .setParameter(5, createdBy)
        .setParameter(6, at)
        .executeUpdate();
  }

  /** Every round, latest period first. */
  public List<RoundRow> rounds() {
    return jdbc.list(
        "SELECT id, survey_id, period_from, period_to FROM rpt_prediction_round"
            + " ORDER BY period_to DESC, created_at DESC",
        List.of(),
        rs -> new RoundRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
  }

  public List<RoundRow> round(String roundId) {
    return jdbc.list(
        "SELECT id, survey_id, period_from, period_to FROM rpt_prediction_round WHERE id = ?",
        List.of(roundId == null ? "" : roundId),
        rs -> new RoundRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
  }

  /**
   * Stores the person's prediction for the round, replacing the one they made before (an update
   * first, an insert when there was none).
   */
  public void savePrediction(
      String roundId, String staffId, int nps, String complaint, long submittedAt) {
    int updated =
        em.createNativeQuery(
                "UPDATE rpt_prediction SET predicted_nps = ?, top_complaint = ?, submitted_at = ?"
                    + " WHERE round_id = ? AND staff_id = ?")
            .setParameter(1, nps)
            .setParameter(2, complaint)
            .setParameter(3, submittedAt)
            .setParameter(4, roundId)
            .setParameter(5, staffId)
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "INSERT INTO rpt_prediction (id, round_id, staff_id, predicted_nps, top_complaint,"
                  + " submitted_at) VALUES (?, ?, ?, ?, ?, ?)")
          .setParameter(1, Ids.newId())
          .setParameter(2, roundId)
          .setParameter(3, staffId)
          .setParameter(4, nps)
          .setParameter(5, complaint)
          .setParameter(6, submittedAt)
          .executeUpdate();
    }
  }

  /** The round's predictions in the order they were submitted. */
  public List<PredictionRow> predictions(String roundId) {
    return jdbc.list(
        "SELECT staff_id, predicted_nps, top_complaint, submitted_at FROM rpt_prediction"
            + " WHERE round_id = ? ORDER BY submitted_at, id",
        List.of(roundId),
        rs -> new PredictionRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4)));
  }

  /** Promoters, passives and detractors among the survey's responses in [start, end). */
  public long[] npsCounts(String surveyId, Long start, Long end) {
    List<long[]> row =
        jdbc.list(
            "SELECT SUM(CASE WHEN nps_score >= 9 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN nps_score BETWEEN 7 AND 8 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN nps_score <= 6 THEN 1 ELSE 0 END)"
                + " FROM rpt_response WHERE survey_id = ? AND submitted_at >= ? AND submitted_at < ?"
                + " AND nps_score IS NOT NULL",
            List.of(surveyId, start, end),
            rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
    return row.isEmpty() ? new long[3] : row.get(0);
  }
}
