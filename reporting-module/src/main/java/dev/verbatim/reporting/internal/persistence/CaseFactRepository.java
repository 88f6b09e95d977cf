package dev.verbatim.reporting.internal.persistence;

import dev.verbatim.reporting.internal.domain.ReportPeriod;
import dev.verbatim.reporting.internal.domain.VerbatimFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads of the case facts (rpt_case) and their customers' segments: verbatims behind a number and
 * root-cause counts, filtered in the database.
 */
@ApplicationScoped
public class CaseFactRepository {
  @Inject ReportJdbc jdbc;

  /** A rpt_case row as a verbatims page shows it (before masking and lookups). */
  public record VerbatimRow(
      String caseId,
      String surveyId,
      String contactId,
      String comment,
      Integer score,
      String teamId,
      String ownerId,
      String status,
      long openedAt,
      Long dueAt,
      Long firstReplyAt,
      Long closedAt,
      String rootCause) {
    static VerbatimRow read(ResultSet rs) throws SQLException {
      return new VerbatimRow(
          rs.getString(1),
          rs.getString(2),
          rs.getString(3),
          rs.getString(4),
          ReportJdbc.intOrNull(rs, 5),
          rs.getString(6),
          rs.getString(7),
          rs.getString(8),
          rs.getLong(9),
          ReportJdbc.longOrNull(rs, 10),
          ReportJdbc.longOrNull(rs, 11),
          ReportJdbc.longOrNull(rs, 12),
          rs.getString(13));
    }
  }

  /** Root causes of the cases opened in a period, and each cause's weekly counts. */
  public record RootCauseCounts(Map<String, Long> counts, Map<String, long[]> weekly) {}

  /** The number of cases the filter matches at {@code now}. */
  public long countVerbatims(VerbatimFilter filter, long now) {
    VerbatimSql sql = VerbatimSql.of(filter, now);
    return jdbc.count("SELECT COUNT(*) FROM rpt_case c" + sql.where(), sql.parameters());
  }

  /** One page of the filter's cases, newest first. */
  public List<VerbatimRow> verbatimPage(VerbatimFilter filter, long now) {
    VerbatimSql sql = VerbatimSql.of(filter, now);
    List<Object> params = new ArrayList<>(sql.parameters());
    params.add((filter.page() - 1L) * VerbatimFilter.PAGE_SIZE);
    return jdbc.list(
        "SELECT "
            + VerbatimSql.COLUMNS
            + " FROM rpt_case c"
            + sql.where()
            + " ORDER BY c.opened_at DESC, c.case_id DESC OFFSET ? ROWS FETCH NEXT "
            + VerbatimFilter.PAGE_SIZE
            + " ROWS ONLY",
        params,
        VerbatimRow::read);
  }

  /** Every case of the filter, newest first, handed over row by row as it is read. */
  public void eachVerbatim(VerbatimFilter filter, long now, Consumer<VerbatimRow> out) {
    VerbatimSql sql = VerbatimSql.of(filter, now);
    jdbc.each(
        "SELECT "
            + VerbatimSql.COLUMNS
            + " FROM rpt_case c"
            + sql.where()
            + " ORDER BY c.opened_at DESC, c.case_id DESC",
        sql.parameters(),
        rs -> out.accept(VerbatimRow.read(rs)));
  }

  /** The case's comment exactly as the customer wrote it, if the case has a fact. */
  public Optional<String> originalText(String caseId) {
    List<String> found =
        jdbc.list(
            "SELECT comment_text FROM rpt_case WHERE case_id = ?",
            List.of(caseId),
            rs -> Optional.ofNullable(rs.getString(1)).orElse(""));
    return found.stream().findFirst();
  }

  /**
   * The segments of the given contacts as {contact id, name, value} rows, by attribute name.
   *
   * @param contactIds at least one
   */
  public void eachSegment(List<Object> contactIds, SegmentConsumer out) {
    String marks = String.join(", ", Collections.nCopies(contactIds.size(), "?"));
    jdbc.each(
        "SELECT contact_id, attr_name, attr_value FROM rpt_contact_segment WHERE contact_id IN ("
            + marks
            + ") ORDER BY attr_name",
        contactIds,
        rs -> out.accept(rs.getString(1), rs.getString(2), rs.getString(3)));
  }

  public interface SegmentConsumer {
    void accept(String contactId, String name, String value);
  }

  /** Root causes of the cases opened in the period (of the survey and team when given). */
  public RootCauseCounts rootCauses(ReportPeriod period, String surveyId, String teamId) {
    StringBuilder where = new StringBuilder(" AND root_cause IS NOT NULL");
    List<Object> params = new ArrayList<>();
    if (surveyId != null) {
      where.append(" AND survey_id = ?");
      params.add(surveyId);
    }
    if (teamId != null) {
      where.append(" AND team_id = ?");
      params.add(teamId);
    }
    List<Object> counted = new ArrayList<>();
    counted.add(period.startMillis());
    counted.add(period.endMillis());
    counted.addAll(params);
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.each(
        "SELECT root_cause, COUNT(*) FROM rpt_case WHERE opened_at >= ? AND opened_at < ?"
            + where
            + " GROUP BY root_cause",
        counted,
        rs -> counts.put(rs.getString(1), rs.getLong(2)));
    Map<String, long[]> weekly =
        WeeklyCounts.of(
            jdbc, "rpt_case", "root_cause", period.endMillis(), where.toString(), params);
    return new RootCauseCounts(counts, weekly);
  }
}
