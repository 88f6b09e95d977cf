package dev.verbatim.survey.internal.web;

import dev.verbatim.survey.api.SurveyCounts;
import dev.verbatim.survey.internal.domain.Brevity;
import dev.verbatim.survey.internal.domain.Question;
import dev.verbatim.survey.internal.domain.Survey;
import dev.verbatim.survey.internal.domain.SurveyVersion;
import java.util.List;

/**
 * A survey as the API shows it: the survey's id and status, and the content of its newest version
 * (the draft being edited, or the live one), with the brevity estimate and any recorded override.
 */
public record SurveyJson(
    String id,
    String title,
    String intro,
    String thankYou,
    String senderName,
    String accentColour,
    String status,
    long createdAt,
    Long publishedAt,
    int version,
    String versionStatus,
    Integer liveVersion,
    int estimatedSeconds,
    List<String> brevityProblems,
    BrevityOverride brevityOverride,
    List<VersionJson> versions,
    ResponseCounts responses,
    List<QuestionJson> questions) {

  /** Completed responses (what reports count) and partial ones (started, not finished). */
  public record ResponseCounts(long invitations, long completed, long partial) {}

  public record QuestionJson(
      String key, String type, String prompt, boolean required, List<String> options) {
    static QuestionJson of(Question q) {
      return new QuestionJson(
          q.key(),
          q.type().name(),
          q.prompt(),
          q.required(),
          q.type().choice() ? q.options() : null);
    }
  }

  public record BrevityOverride(String by, long at) {}

  public record VersionJson(int version, String status, long createdAt, Long publishedAt) {}

  static SurveyJson of(Survey s) {
    return of(s, null);
  }

  static SurveyJson of(Survey s, SurveyCounts counts) {
    SurveyVersion v = s.latest();
    SurveyVersion live = s.live();
    return new SurveyJson(
        s.id(),
        v.title(),
        v.intro(),
        v.thankYou(),
        v.senderName(),
        v.accentColour(),
        s.status(),
        s.createdAt(),
        s.publishedAt(),
        v.number(),
        v.status(),
        live.isPublished() ? live.number() : null,
        Brevity.estimatedSeconds(v.questions()),
        Brevity.problems(v.questions()),
        v.brevityOverrideBy()
            .map(by -> new BrevityOverride(by, v.brevityOverrideAt()))
            .orElse(null),
        s.versions().stream()
            .map(x -> new VersionJson(x.number(), x.status(), x.createdAt(), x.publishedAt()))
            .toList(),
        counts == null
            ? null
            : new ResponseCounts(counts.invitations(), counts.responses(), counts.partials()),
        v.questions().stream().map(QuestionJson::of).toList());
  }
}
