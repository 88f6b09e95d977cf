package dev.verbatim.survey.api;

public record SurveySummary(String id, String title, String status) {}
