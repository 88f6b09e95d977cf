package dev.verbatim.platform.api;

/** One bad field and why, named the way the client sent it (e.g. {@code questions[0].prompt}). */
public record FieldError(String field, String message) {}
