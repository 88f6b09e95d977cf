package dev.verbatim.survey.internal.application.imports;

/** The file as a whole cannot be imported (not CSV, empty, not UTF-8, no email column...). */
public class CsvFileProblem extends Exception {
  public CsvFileProblem(String message) {
    super(message);
  }
}
