package dev.verbatim.reporting.internal.persistence;

import dev.verbatim.reporting.internal.domain.VerbatimFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of a verbatims query over {@code rpt_case c}, with its parameters in order.
 * Search words and themes are looked up in the term table (an index on term), never with {@code
 * LIKE '%word%'} over every comment.
 */
record VerbatimSql(String where, List<Object> parameters) {
  static final String COLUMNS =
      "c.case_id, c.survey_id, c.contact_id, c.comment_text, c.score, c.team_id, c.owner_id,"
          + " c.status, c.opened_at, c.due_at, c.first_reply_at, c.closed_at, c.root_cause";

  static VerbatimSql of(VerbatimFilter f, long now) {
    List<String> conditions = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (f.surveyId() != null) {
      conditions.add("c.survey_id = ?");
      params.add(f.surveyId());
    }
    if (f.teamId() != null) {
      conditions.add("c.team_id = ?");
      params.add(f.teamId());
    }
    if (f.ownerId() != null) {
      conditions.add("c.owner_id = ?");
      params.add(f.ownerId());
    }
    if (f.period().startMillis() != null) {
      conditions.add("c.opened_at >= ?");
      params.add(f.period().startMillis());
    }
    if (f.period().endMillis() != null) {
      conditions.add("c.opened_at < ?");
      params.add(f.period().endMillis());
    }
    if (f.segmentName() != null) {
      conditions.add(
          "EXISTS (SELECT 1 FROM rpt_contact_segment s WHERE s.contact_id = c.contact_id"
              + " AND s.attr_name = ? AND s.attr_value = ?)");
      params.add(f.segmentName());
      params.add(f.segmentValue());
    }
    if (f.band() != null) {
      conditions.add(
          switch (f.band()) {
            case "promoter" -> "c.score >= 9";
            case "passive" -> "c.score BETWEEN 7 AND 8";
            default -> "c.score <= 6";
          });
    }
    if (f.status() != null) {
      switch (f.status()) {
        case "open" -> conditions.add("c.status = 'OPEN'");
        case "closed" -> conditions.add("c.status = 'CLOSED'");
        case "replied" -> conditions.add("c.first_reply_at IS NOT NULL");
        case "unreplied" -> conditions.add("c.first_reply_at IS NULL");
        default -> {
          conditions.add("c.status = 'OPEN' AND c.due_at IS NOT NULL AND c.due_at < ?");
          params.add(now);
        }
      }
    }
    if (f.rootCause() != null) {
      conditions.add("c.root_cause = ?");
      params.add(f.rootCause());
    }
    List<String> terms = new ArrayList<>(f.searchWords());
    if (f.theme() != null) {
      terms.add(f.theme());
    }
    for (String term : terms) {
      conditions.add("c.case_id IN (SELECT t.case_id FROM rpt_case_term t WHERE t.term = ?)");
      params.add(term);
    }
    return new VerbatimSql(
        conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
  }
}
