package dev.verbatim.survey.internal.domain;

/** Why no survey mail may go to an address. */
public enum SuppressionReason {
  UNSUBSCRIBED,
  BOUNCED;

  public SkipReason asSkipReason() {
    return this == UNSUBSCRIBED ? SkipReason.UNSUBSCRIBED : SkipReason.BOUNCED;
  }
}
