package dev.verbatim.reporting.internal.application;

import java.util.List;

/**
 * One comment as a report shows it: masked text, score and band, the customer's segments, what
 * happened to the case and who owns it.
 *
 * @param status open, replied, overdue or closed
 * @param firstReplyMinutes minutes from the comment to the first reply, null when not replied
 */
public record Verbatim(
    String caseId,
    String surveyId,
    String surveyTitle,
    String text,
    boolean masked,
    Integer score,
    String band,
    List<Segment> segments,
    String status,
    String ownerId,
    String ownerName,
    String teamId,
    long openedAt,
    Long firstReplyMinutes,
    String rootCause,
    String rootCauseLabel) {

  public record Segment(String name, String value) {}

  public static String band(Integer score) {
    if (score == null) {
      return null;
    }
    return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
  }
}
