package dev.verbatim.survey.internal.domain;

/** The customer's personal link is older than the configured lifetime: nothing is recorded. */
public class LinkExpiredException extends RuntimeException {
  private final String surveyTitle;

  public LinkExpiredException(String surveyTitle) {
    super("This link has expired. Survey links work for a limited time after they are sent.");
    this.surveyTitle = surveyTitle;
  }

  public String surveyTitle() {
    return surveyTitle;
  }
}
