package dev.verbatim.survey.internal.application.imports;

/** An upload went past the configured limit; it was not read further. */
public class UploadTooLarge extends Exception {
  private final long limit;

  public UploadTooLarge(long limit) {
    super("The file is larger than " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
