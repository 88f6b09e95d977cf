package dev.verbatim.followup.internal.domain;

/** How soon a case must be answered; detractors are HIGH by default (see {@link SlaPolicy}). */
public enum CasePriority {
  HIGH,
  NORMAL
}
