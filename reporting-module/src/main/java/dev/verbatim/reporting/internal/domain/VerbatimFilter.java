package dev.verbatim.reporting.internal.domain;

import dev.verbatim.platform.api.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which comments a verbatims list shows. Every field is optional; all given ones must hold. Owner
 * is a staff id (the caller resolves a username). Search words are reduced like comment words
 * ({@link CommentTerms#words}) and every one must occur in the comment.
 */
public record VerbatimFilter(
    String surveyId,
    String teamId,
    String ownerId,
    ReportPeriod period,
    String segmentName,
    String segmentValue,
    String band,
    String status,
    String rootCause,
    String theme,
    String query,
    int page) {
  public static final int PAGE_SIZE = 50;
  public static final Set<String> BANDS = Set.of("promoter", "passive", "detractor");
  public static final Set<String> STATUSES =
      Set.of("open", "closed", "replied", "unreplied", "overdue");

  public VerbatimFilter {
    if (band != null && !BANDS.contains(band)) {
      throw new InvalidInputException("band", "Use promoter, passive or detractor.");
    }
    if (status != null && !STATUSES.contains(status)) {
      throw new InvalidInputException("status", "Use open, closed, replied, unreplied or overdue.");
    }
    if (page < 1) {
      throw new InvalidInputException("page", "Pages start at 1.");
    }
  }

  /** Parses the text parameters (blank means not given); owner stays as given. */
  public static VerbatimFilter parse(
      String survey,
      String team,
      String owner,
      String from,
      String to,
      String segment,
      String band,
      String status,
      String rootCause,
      String theme,
      String q,
      String page) {
    String segmentName = null;
    String segmentValue = null;
    if (blankToNull(segment) != null) {
      int colon = segment.indexOf(':');
      if (colon <= 0) {
        throw new InvalidInputException("segment", "Use name:value, for example region:EMEA.");
      }
      segmentName = segment.substring(0, colon).trim();
      segmentValue = segment.substring(colon + 1).trim();
    }
    int pageNumber = 1;
    if (blankToNull(page) != null) {
      try {
        pageNumber = Integer.parseInt(page.trim());
      } catch (NumberFormatException e) {
        throw new InvalidInputException("page", "Use a page number such as 2.");
      }
    }
    return new VerbatimFilter(
        blankToNull(survey),
        blankToNull(team),
        blankToNull(owner),
        ReportPeriod.parse(from, to),
        segmentName,
        segmentValue,
        lower(band),
        lower(status),
        blankToNull(rootCause),
        lower(theme),
        blankToNull(q),
        pageNumber);
  }

  public List<String> searchWords() {
    return query == null ? List.of() : CommentTerms.words(query);
  }

  public VerbatimFilter withOwner(String resolvedOwnerId) {
    return new VerbatimFilter(
        surveyId,
        teamId,
        resolvedOwnerId,
        period,
        segmentName,
        segmentValue,
        band,
        status,
        rootCause,
        theme,
        query,
        page);
  }

  public VerbatimFilter withPage(int newPage) {
    return new VerbatimFilter(
        surveyId,
        teamId,
        ownerId,
        period,
        segmentName,
        segmentValue,
        band,
        status,
        rootCause,
        theme,
        query,
        newPage);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String lower(String value) {
    String v = blankToNull(value);
    return v == null ? null : v.toLowerCase(Locale.ROOT);
  }
}
