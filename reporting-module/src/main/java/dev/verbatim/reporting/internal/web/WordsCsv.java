package dev.verbatim.reporting.internal.web;

import dev.verbatim.platform.api.SafeCsvWriter;
import dev.verbatim.reporting.internal.application.RootCauseReport;
import dev.verbatim.reporting.internal.application.ThemeReport;
import dev.verbatim.reporting.internal.application.VerbatimService;
import dev.verbatim.reporting.internal.domain.VerbatimFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** CSV exports of the words reports, streamed with {@link SafeCsvWriter}; text is masked. */
final class WordsCsv {
  private WordsCsv() {}

  static Response verbatims(VerbatimService service, VerbatimFilter filter) {
    StreamingOutput body =
        out -> {
          SafeCsvWriter csv = SafeCsvWriter.open(out);
          csv.row(
              "case_id",
              "opened_at",
              "survey",
              "score",
              "band",
              "comment",
              "segments",
              "status",
              "owner",
              "minutes_to_first_reply",
              "root_cause");
          service.export(
              filter,
              v ->
                  csv.row(
                      v.caseId(),
                      Instant.ofEpochMilli(v.openedAt()).toString(),
                      v.surveyTitle(),
                      v.score() == null ? "" : v.score(),
                      v.band() == null ? "" : v.band(),
                      v.text(),
                      v.segments().stream()
                          .map(s -> s.name() + "=" + s.value())
                          .collect(Collectors.joining("; ")),
                      v.status(),
                      v.ownerName() == null ? "" : v.ownerName(),
                      v.firstReplyMinutes() == null ? "" : v.firstReplyMinutes(),
                      v.rootCause() == null ? "" : v.rootCause()));
          csv.flush();
        };
    return attachment(body, "verbatims.csv");
  }

  static Response rootCauses(RootCauseReport.Result result) {
    StreamingOutput body =
        out -> {
          SafeCsvWriter csv = SafeCsvWriter.open(out);
          csv.row("root_cause", "label", "count", "share_pct", "cumulative_pct", "last_8_weeks");
          for (RootCauseReport.Cause c : result.causes()) {
            csv.row(
                c.code(), c.label(), c.count(), c.sharePct(), c.cumulativePct(), weeks(c.weekly()));
          }
          csv.flush();
        };
    return attachment(body, "root-causes.csv");
  }

  static Response themes(ThemeReport.Result result) {
    StreamingOutput body =
        out -> {
          SafeCsvWriter csv = SafeCsvWriter.open(out);
          csv.row(
              "theme",
              "comments",
              "previous_period",
              "change",
              "weight",
              "key_terms",
              "last_8_weeks",
              "example");
          for (ThemeReport.Theme t : result.themes()) {
            csv.row(
                t.term(),
                t.comments(),
                t.previousComments(),
                t.change(),
                t.weight(),
                String.join("; ", t.keyTerms()),
                weeks(t.weekly()),
                t.examples().isEmpty() ? "" : t.examples().get(0).text());
          }
          csv.flush();
        };
    return attachment(body, "themes.csv");
  }

  private static String weeks(long[] weekly) {
    return Arrays.stream(weekly).mapToObj(Long::toString).collect(Collectors.joining(" "));
  }

  private static Response attachment(StreamingOutput body, String name) {
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }
}
