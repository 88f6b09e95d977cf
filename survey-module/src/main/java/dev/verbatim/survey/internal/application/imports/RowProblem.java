package dev.verbatim.survey.internal.application.imports;

/** Why one row of an import was rejected: its first line in the file, the column, the reason. */
public record RowProblem(int line, String column, String reason) {}
