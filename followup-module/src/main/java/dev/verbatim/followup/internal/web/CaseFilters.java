package dev.verbatim.followup.internal.web;

import dev.verbatim.followup.internal.domain.CaseFilter;
import dev.verbatim.followup.internal.domain.CasePriority;
import dev.verbatim.platform.api.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the inbox filters from query parameters, the same way for the API and the page; an unknown
 * value is a 400 naming the parameter.
 */
final class CaseFilters {
  private CaseFilters() {}

  static CaseFilter parse(
      String scope,
      String status,
      String priority,
      boolean overdue,
      String surveyId,
      String sort,
      int page,
      int size) {
    return new CaseFilter(
        parseEnum("scope", scope, CaseFilter.Scope.class),
        "ALL".equalsIgnoreCase(blankToNull(status)) ? null : CaseResource.parseStatus(status),
        parseEnum("priority", priority, CasePriority.class),
        overdue,
        blankToNull(surveyId),
        parseEnum("sort", sort, CaseFilter.Sort.class),
        page,
        size);
  }

  private static <E extends Enum<E>> E parseEnum(String field, String value, Class<E> type) {
    if (blankToNull(value) == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> allowed =
          Arrays.stream(type.getEnumConstants())
              .map(v -> v.name().toLowerCase(Locale.ROOT))
              .toList();
      throw new InvalidInputException(field, "must be one of " + allowed);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
