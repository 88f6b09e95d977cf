package dev.verbatim.reporting.internal.domain;

/**
 * The raw counts behind a headline, as summed from the rollups (plus the two counts that depend on
 * "now": unreplied cases past due, and of those the open ones).
 *
 * @param npsScores how many answered each NPS score 0..10
 * @param replyTimes first-reply time histogram ({@link DurationHistogram} buckets)
 * @param closeTimes time-to-close histogram
 */
public record HeadlineCounts(
    long invitations,
    long responses,
    long[] npsScores,
    long csatAnswers,
    long csatSatisfied,
    long cesAnswers,
    long cesSum,
    long cases,
    long owned,
    long replied,
    long closed,
    long slaMet,
    long unrepliedPastDue,
    long overdueNow,
    long[] replyTimes,
    long[] closeTimes) {

  public static HeadlineCounts empty() {
    return new HeadlineCounts(
        0,
        0,
        new long[11],
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        new long[DurationHistogram.BUCKETS],
        new long[DurationHistogram.BUCKETS]);
  }

  public long promoters() {
    return npsScores[9] + npsScores[10];
  }

  public long passives() {
    return npsScores[7] + npsScores[8];
  }

  public long detractors() {
    long d = 0;
    for (int s = 0; s <= 6; s++) {
      d += npsScores[s];
    }
    return d;
  }
}
