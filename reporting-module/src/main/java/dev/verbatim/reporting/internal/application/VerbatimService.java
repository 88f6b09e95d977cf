package dev.verbatim.reporting.internal.application;

import dev.verbatim.followup.api.FollowupDirectory;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.reporting.internal.domain.PersonalDataMask;
import dev.verbatim.reporting.internal.domain.VerbatimFilter;
import dev.verbatim.survey.api.SurveyDirectory;
import dev.verbatim.survey.api.SurveySummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The comments behind a number, filtered in the database and masked of personal data before they
 * leave this class.
 */
@ApplicationScoped
public class VerbatimService {
  private static final int EXPORT_CHUNK = 500;

  @Inject ReportJdbc jdbc;
  @Inject SurveyDirectory surveys;
  @Inject FollowupDirectory followup;
  @Inject StaffDirectory staff;
  @Inject Clock clock;

  /**
   * Checks that the survey, team and owner exist (404 otherwise) and turns an owner username into
   * its id.
   */
  public VerbatimFilter resolve(VerbatimFilter filter) {
    if (filter.surveyId() != null && surveys.survey(filter.surveyId()).isEmpty()) {
      throw new ResourceNotFoundException("There is no survey with id " + filter.surveyId() + ".");
    }
    if (filter.teamId() != null && !followup.teamNames().containsKey(filter.teamId())) {
      throw new ResourceNotFoundException("There is no team with id " + filter.teamId() + ".");
    }
    if (filter.ownerId() != null) {
      StaffUser owner =
          staff
              .findById(filter.ownerId())
              .or(() -> staff.findByUsername(filter.ownerId()))
              .orElseThrow(
                  () ->
                      new ResourceNotFoundException(
                          "There is no member of staff " + filter.ownerId() + "."));
      return filter.withOwner(owner.id());
    }
    return filter;
  }

  public VerbatimPage page(VerbatimFilter filter) {
    long now = clock.millis();
    VerbatimSql sql = VerbatimSql.of(filter, now);
    long total = jdbc.count("SELECT COUNT(*) FROM rpt_case c" + sql.where(), sql.parameters());
    List<Object> params = new ArrayList<>(sql.parameters());
    params.add((filter.page() - 1L) * VerbatimFilter.PAGE_SIZE);
    List<Row> rows =
        jdbc.list(
            "SELECT "
                + VerbatimSql.COLUMNS
                + " FROM rpt_case c"
                + sql.where()
                + " ORDER BY c.opened_at DESC, c.case_id DESC OFFSET ? ROWS FETCH NEXT "
                + VerbatimFilter.PAGE_SIZE
                + " ROWS ONLY",
            params,
            Row::read);
    return new VerbatimPage(
        total, filter.page(), VerbatimFilter.PAGE_SIZE, new Views(now).of(rows));
  }

  /** Every matching verbatim, newest first, handed over in chunks: never all in memory. */
  public void export(VerbatimFilter filter, Consumer<Verbatim> out) {
    long now = clock.millis();
    VerbatimSql sql = VerbatimSql.of(filter, now);
    Views views = new Views(now);
    List<Row> chunk = new ArrayList<>();
    jdbc.each(
        "SELECT "
            + VerbatimSql.COLUMNS
            + " FROM rpt_case c"
            + sql.where()
            + " ORDER BY c.opened_at DESC, c.case_id DESC",
        sql.parameters(),
        rs -> {
          chunk.add(Row.read(rs));
          if (chunk.size() == EXPORT_CHUNK) {
            views.of(chunk).forEach(out);
            chunk.clear();
          }
        });
    views.of(chunk).forEach(out);
  }

  /** Up to {@code limit} newest verbatims of the filter (examples for themes and root causes). */
  public List<Verbatim> examples(VerbatimFilter filter, int limit) {
    List<Verbatim> page = page(filter).verbatims();
    return page.subList(0, Math.min(limit, page.size()));
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

  record Row(
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
    static Row read(ResultSet rs) throws SQLException {
      return new Row(
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

  /** Turns rows into views; names, titles and labels are looked up once per request. */
  private final class Views {
    private final long now;
    private final Map<String, String> ownerNames = new HashMap<>();
    private final Map<String, String> surveyTitles = new HashMap<>();
    private Map<String, String> rootCauses;

    Views(long now) {
      this.now = now;
    }

    List<Verbatim> of(List<Row> rows) {
      if (rows.isEmpty()) {
        return List.of();
      }
      Map<String, List<Verbatim.Segment>> segments = segmentsOf(rows);
      List<Verbatim> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        String masked = PersonalDataMask.mask(r.comment());
        out.add(
            new Verbatim(
                r.caseId(),
                r.surveyId(),
                surveyTitles.computeIfAbsent(
                    r.surveyId(),
                    id -> surveys.survey(id).map(SurveySummary::title).orElse("(deleted survey)")),
                masked == null ? "" : masked,
                masked != null && !masked.equals(r.comment()),
                r.score(),
                Verbatim.band(r.score()),
                segments.getOrDefault(r.contactId(), List.of()),
                status(r),
                r.ownerId(),
                r.ownerId() == null
                    ? null
                    : ownerNames.computeIfAbsent(
                        r.ownerId(),
                        id ->
                            staff
                                .findById(id)
                                .map(StaffUser::displayName)
                                .orElse("(former staff)")),
                r.teamId(),
                r.openedAt(),
                r.firstReplyAt() == null
                    ? null
                    : Math.max(0, (r.firstReplyAt() - r.openedAt()) / 60_000),
                r.rootCause(),
                r.rootCause() == null
                    ? null
                    : rootCauses().getOrDefault(r.rootCause(), r.rootCause())));
      }
      return out;
    }

    private String status(Row r) {
      if ("CLOSED".equals(r.status())) {
        return "closed";
      }
      if (r.dueAt() != null && now > r.dueAt()) {
        return "overdue";
      }
      return r.firstReplyAt() != null ? "replied" : "open";
    }

    private Map<String, String> rootCauses() {
      if (rootCauses == null) {
        rootCauses = followup.rootCauseLabels();
      }
      return rootCauses;
    }

    private Map<String, List<Verbatim.Segment>> segmentsOf(List<Row> rows) {
      List<Object> contactIds =
          rows.stream().map(Row::contactId).distinct().map(id -> (Object) id).toList();
      String marks = String.join(", ", Collections.nCopies(contactIds.size(), "?"));
      Map<String, List<Verbatim.Segment>> byContact = new HashMap<>();
      jdbc.each(
          "SELECT contact_id, attr_name, attr_value FROM rpt_contact_segment WHERE contact_id IN ("
              + marks
              + ") ORDER BY attr_name",
          contactIds,
          rs ->
              byContact
                  .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                  .add(new Verbatim.Segment(rs.getString(2), rs.getString(3))));
      return byContact;
    }
  }
}
