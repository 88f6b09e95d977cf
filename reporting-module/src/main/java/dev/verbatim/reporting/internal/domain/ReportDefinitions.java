package dev.verbatim.reporting.internal.domain;

/**
 * Every figure a report shows, defined once. Shares are percentages with one decimal; a figure with
 * nothing to divide by is null (shown as "–"), never 0 or NaN.
 *
 * <ul>
 *   <li>response rate = responses ÷ invitations in the period
 *   <li>NPS = % promoters (9–10) − % detractors (0–6) of those who gave a score
 *   <li>CSAT = % of CSAT answers (1–5) that are 4 or 5
 *   <li>CES = mean of the CES answers (1–7), two decimals
 *   <li>routed % = cases with an owner ÷ comments (cases)
 *   <li>replied % = cases with a first reply ÷ cases; closed % = closed cases ÷ cases
 *   <li>SLA met % = cases first replied by their due time ÷ (replied cases + unreplied cases past
 *       their due time)
 *   <li>overdue now = open, unreplied cases whose due time has passed
 *   <li>time to first reply / to close: median and 90th percentile, from {@link DurationHistogram}
 * </ul>
 */
public final class ReportDefinitions {
  private ReportDefinitions() {}

  public static Double responseRate(long responses, long invitations) {
    return Percentages.of(responses, invitations);
  }

  public static Double nps(long promoters, long passives, long detractors) {
    return new NetPromoterScore(promoters, passives, detractors).score();
  }

  public static boolean isPromoter(int score) {
    return score >= 9;
  }

  public static boolean isDetractor(int score) {
    return score <= 6;
  }

  public static boolean isCsatSatisfied(int score) {
    return score >= 4;
  }

  public static Double csat(long satisfied, long answers) {
    return Percentages.of(satisfied, answers);
  }

  public static Double ces(long sum, long answers) {
    if (answers <= 0) {
      return null;
    }
    return Math.round(sum * 100.0 / answers) / 100.0;
  }

  public static Double routed(long withOwner, long comments) {
    return Percentages.of(withOwner, comments);
  }

  public static Double replied(long replied, long cases) {
    return Percentages.of(replied, cases);
  }

  public static Double closed(long closed, long cases) {
    return Percentages.of(closed, cases);
  }

  public static Double slaMet(long metDue, long repliedOrPastDue) {
    return Percentages.of(metDue, repliedOrPastDue);
  }

  /** A case met its SLA when its first reply came at or before its due time. */
  public static boolean metSla(Long firstReplyAt, Long dueAt) {
    return firstReplyAt != null && dueAt != null && firstReplyAt <= dueAt;
  }

  /** Open, not replied, and its due time has passed. */
  public static boolean isOverdue(String status, Long firstReplyAt, Long dueAt, long now) {
    return "OPEN".equals(status) && firstReplyAt == null && dueAt != null && dueAt < now;
  }
}
