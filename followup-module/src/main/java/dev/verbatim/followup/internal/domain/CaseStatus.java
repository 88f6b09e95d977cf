package dev.verbatim.followup.internal.domain;

/**
 * OPEN: waiting for the owner's reply. REPLIED: the customer got an answer. CLOSED: done, with a
 * root cause.
 */
public enum CaseStatus {
  OPEN,
  REPLIED,
  CLOSED
}
