package dev.verbatim.survey.internal.domain;

/** Why a contact in a distribution's audience was not invited. */
public enum SkipReason {
  ALREADY_INVITED("already invited to this survey"),
  UNSUBSCRIBED("unsubscribed"),
  BOUNCED("address bounced"),
  THROTTLED("invited recently"),
  OPEN_CASE("has an open case");

  private final String label;

  SkipReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
