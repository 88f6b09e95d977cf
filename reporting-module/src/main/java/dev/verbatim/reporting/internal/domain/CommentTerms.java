package dev.verbatim.reporting.internal.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terms of a comment, used both for full-text search and for themes: words are runs of Unicode
 * letters, lower-cased, English stop words dropped, plurals reduced to the singular by simple
 * suffix rules ({@code deliveries → delivery}, {@code parcels → parcel}); phrases are two such
 * words that follow each other within a sentence once stop words are skipped ({@code "the delivery
 * was late"} gives {@code delivery late}). Words of one letter and personal data (which the text is
 * masked of first) never become terms. Deterministic: the same text gives the same terms.
 */
public final class CommentTerms {
  /** Longest term kept; longer words are not themes and would not fit the column. */
  public static final int MAX_TERM_LENGTH = 120;

  private static final Pattern SENTENCES = Pattern.compile("[.!?;:\\n\\r]+");
  private static final Pattern MASKED = Pattern.compile("\\[(?:card|email|phone)[^\\]]*\\]");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final Set<String> STOP_WORDS =
      Set.of(
          "a",
          "about",
          "above",
          "after",
          "again",
          "against",
          "all",
          "also",
          "am",
          "an",
          "and",
          "any",
          "are",
          "as",
          "at",
          "be",
          "because",
          "been",
          "before",
          "being",
          "below",
          "between",
          "both",
          "but",
          "by",
          "can",
          "could",
          "did",
          "do",
          "does",
          "doing",
          "done",
          "down",
          "during",
          "each",
          "even",
          "ever",
          "every",
          "few",
          "for",
          "from",
          "further",
          "get",
          "got",
          "had",
          "has",
          "have",
          "having",
          "he",
          "her",
          "here",
          "hers",
          "herself",
          "him",
          "himself",
          "his",
          "how",
          "i",
          "if",
          "in",
          "into",
          "is",
          "it",
          "its",
          "itself",
          "just",
          "me",
          "more",
          "most",
          "my",
          "myself",
          "no",
          "nor",
          "not",
          "now",
          "of",
          "off",
          "on",
          "once",
          "only",
          "or",
          "other",
          "our",
          "ours",
          "ourselves",
          "out",
          "over",
          "own",
          "really",
          "same",
          "she",
          "should",
          "so",
          "some",
          "still",
          "such",
          "than",
          "that",
          "the",
          "their",
          "theirs",
          "them",
          "themselves",
          "then",
          "there",
          "these",
          "they",
          "this",
          "those",
          "through",
          "to",
          "too",
          "under",
          "until",
          "up",
          "us",
          "very",
          "was",
          "we",
          "were",
          "what",
          "when",
          "where",
          "which",
          "while",
          "who",
          "whom",
          "why",
          "will",
          "with",
          "would",
          "you",
          "your",
          "yours",
          "yourself",
          "yourselves",
          "ll",
          "re",
          "ve",
          "don",
          "didn",
          "doesn",
          "isn",
          "wasn",
          "weren",
          "won",
          "couldn",
          "shouldn",
          "wouldn",
          "haven",
          "hasn",
          "hadn",
          "aren",
          "ain",
          "let",
          "one",
          "two",
          "much",
          "many",
          "like",
          "well",
          "via");

  private CommentTerms() {}

  /** Distinct words and two-word phrases, in order of first appearance. */
  public static List<String> of(String comment) {
    Set<String> terms = new LinkedHashSet<>();
    if (comment == null) {
      return List.of();
    }
    String text =
        MASKED.matcher(PersonalDataMask.mask(comment)).replaceAll(". ").toLowerCase(Locale.ROOT);
    for (String sentence : SENTENCES.split(text)) {
      String previous = null;
      Matcher words = WORD.matcher(sentence);
      while (words.find()) {
        String word = singular(words.group());
        if (word.length() < 2 || STOP_WORDS.contains(word) || word.length() > 60) {
          continue;
        }
        terms.add(word);
        if (previous != null && !previous.equals(word)) {
          terms.add(previous + " " + word);
        }
        previous = word;
      }
    }
    return new ArrayList<>(terms);
  }

  /** The words of a search query, reduced as comment words are; stop words give no condition. */
  public static List<String> words(String query) {
    return of(query).stream().filter(t -> !isPhrase(t)).toList();
  }

  public static boolean isPhrase(String term) {
    return term.indexOf(' ') > 0;
  }

  /** Simple plural stemming: enough to make "parcels" and "parcel" one term, explainably. */
  static String singular(String word) {
    if (word.length() > 4 && word.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.length() > 4
        && (word.endsWith("sses")
            || word.endsWith("xes")
            || word.endsWith("ches")
            || word.endsWith("shes"))) {
      return word.substring(0, word.length() - 2);
    }
    if (word.length() > 3
        && word.endsWith("s")
        && !word.endsWith("ss")
        && !word.endsWith("us")
        && !word.endsWith("is")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }
}
