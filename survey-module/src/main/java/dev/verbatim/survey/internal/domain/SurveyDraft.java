package dev.verbatim.survey.internal.domain;

import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.survey.api.QuestionType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A survey as submitted by its author, validated as a whole: every problem is reported at once,
 * named the way the JSON names it ({@code questions[1].prompt}).
 */
public record SurveyDraft(
    String title,
    String intro,
    String thankYou,
    String senderName,
    String accentColour,
    List<QuestionDraft> questions) {
  static final int MAX_QUESTIONS = 30;
  static final int MIN_OPTIONS = 2;
  static final int MAX_OPTIONS = 10;
  static final int MAX_OPTION_LENGTH = 100;
  static final int MAX_SENDER_NAME = 100;
  private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,59}$");
  private static final Pattern COLOUR = Pattern.compile("^#[0-9a-fA-F]{6}$");

  /**
   * One question; {@code key} empty for a new question (one is generated), {@code options} only for
   * choice questions.
   */
  public record QuestionDraft(
      String key, String type, String prompt, Boolean required, List<String> options) {}

  /** The draft that reproduces a version, for editing it. */
  public static SurveyDraft of(SurveyVersion v) {
    return new SurveyDraft(
        v.title(),
        v.intro(),
        v.thankYou(),
        v.senderName(),
        v.accentColour(),
        v.questions().stream()
            .map(
                q ->
                    new QuestionDraft(
                        q.key(), q.type().name(), q.prompt(), q.required(), q.options()))
            .toList());
  }

  public SurveyDraft withSettings(
      String title, String intro, String thankYou, String senderName, String accentColour) {
    return new SurveyDraft(title, intro, thankYou, senderName, accentColour, questions);
  }

  public SurveyDraft withQuestions(List<QuestionDraft> changed) {
    return new SurveyDraft(title, intro, thankYou, senderName, accentColour, changed);
  }

  public SurveyDraft adding(QuestionDraft question) {
    List<QuestionDraft> changed = new ArrayList<>(questions);
    changed.add(question);
    return withQuestions(changed);
  }

  public SurveyDraft replacing(int index, QuestionDraft question) {
    List<QuestionDraft> changed = new ArrayList<>(questions);
    changed.set(index, question);
    return withQuestions(changed);
  }

  public SurveyDraft without(int index) {
    List<QuestionDraft> changed = new ArrayList<>(questions);
    changed.remove(index);
    return withQuestions(changed);
  }

  /**
   * The question at {@code index} moved up ({@code -1}) or down ({@code +1}); no-op at the ends.
   */
  public SurveyDraft moving(int index, int by) {
    int to = index + by;
    if (to < 0 || to >= questions.size()) {
      return this;
    }
    List<QuestionDraft> changed = new ArrayList<>(questions);
    changed.add(to, changed.remove(index));
    return withQuestions(changed);
  }

  /** The position of the question with this key, or -1. */
  public int indexOf(String key) {
    for (int i = 0; i < questions.size(); i++) {
      if (questions.get(i) != null && key.equals(questions.get(i).key())) {
        return i;
      }
    }
    return -1;
  }

  /** A new survey: version 1, a draft. */
  public Survey toSurvey(long now) {
    String id = Ids.newId();
    return new Survey(id, toVersion(id, 1, Map.of(), now), now);
  }

  /**
   * @param keysUsed keys earlier published versions used, with their types
   * @throws InvalidInputException naming every wrong field
   */
  SurveyVersion toVersion(
      String surveyId, int number, Map<String, QuestionType> keysUsed, long now) {
    List<FieldError> errors = new ArrayList<>();
    if (title == null || title.isBlank()) {
      errors.add(new FieldError("title", "must not be empty"));
    } else if (title.strip().length() > 200) {
      errors.add(new FieldError("title", "must be at most 200 characters"));
    }
    checkLength(errors, "intro", intro, 1000);
    checkLength(errors, "thankYou", thankYou, 1000);
    checkLength(errors, "senderName", senderName, MAX_SENDER_NAME);
    if (accentColour != null
        && !accentColour.isBlank()
        && !COLOUR.matcher(accentColour.strip()).matches()) {
      errors.add(new FieldError("accentColour", "must be a colour like #1f5fbf"));
    }
    if (questions == null || questions.isEmpty()) {
      errors.add(new FieldError("questions", "must contain at least one question"));
    } else if (questions.size() > MAX_QUESTIONS) {
      errors.add(
          new FieldError("questions", "must contain at most " + MAX_QUESTIONS + " questions"));
    }
    List<Question> built = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; questions != null && i < questions.size(); i++) {
      QuestionDraft q = questions.get(i);
      if (q != null && q.key() != null && !q.key().isBlank()) {
        keys.add(q.key().strip());
      }
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; questions != null && i < questions.size(); i++) {
      QuestionDraft q = questions.get(i);
      String at = "questions[" + i + "]";
      if (q == null) {
        errors.add(new FieldError(at, "must be a question object"));
        continue;
      }
      var type = QuestionType.parse(q.type());
      if (type.isEmpty()) {
        errors.add(
            new FieldError(
                at + ".type",
                q.type() == null
                    ? "must not be empty"
                    : "unknown question type '"
                        + q.type()
                        + "'; use one of "
                        + List.of(QuestionType.values())));
      }
      if (q.prompt() == null || q.prompt().isBlank()) {
        errors.add(new FieldError(at + ".prompt", "must not be empty"));
      } else if (q.prompt().strip().length() > 500) {
        errors.add(new FieldError(at + ".prompt", "must be at most 500 characters"));
      }
      String key;
      if (q.key() == null || q.key().isBlank()) {
        key = newKey(type.orElse(null), i, keys, keysUsed);
        keys.add(key);
      } else {
        key = q.key().strip();
      }
      if (!KEY.matcher(key).matches()) {
        errors.add(
            new FieldError(at + ".key", "must start with a letter and use only a-z, 0-9 and _"));
      } else if (!seen.add(key)) {
        errors.add(new FieldError(at + ".key", "is used by another question"));
      } else if (type.isPresent() && keysUsed.containsKey(key) && keysUsed.get(key) != type.get()) {
        errors.add(
            new FieldError(
                at + ".key",
                "was a "
                    + keysUsed.get(key)
                    + " question in an earlier version; a new type needs a new key"));
      }
      List<String> options = type.isPresent() ? options(errors, at, type.get(), q) : List.of();
      if (type.isPresent() && q.prompt() != null && !q.prompt().isBlank()) {
        boolean required = q.required() == null ? type.get().scored() : q.required();
        built.add(
            new Question(
                Ids.newId(), surveyId, i, key, type.get(), q.prompt().strip(), required, options));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new SurveyVersion(
        Ids.newId(),
        number,
        title.strip(),
        blankToNull(intro),
        blankToNull(thankYou),
        blankToNull(senderName),
        blankToNull(accentColour) == null ? null : accentColour.strip().toLowerCase(Locale.ROOT),
        built,
        now);
  }

  private static List<String> options(
      List<FieldError> errors, String at, QuestionType type, QuestionDraft q) {
    List<String> given = q.options() == null ? List.of() : q.options();
    if (!type.choice()) {
      if (given.stream().anyMatch(o -> o != null && !o.isBlank())) {
        errors.add(new FieldError(at + ".options", "only choice questions have options"));
      }
      return List.of();
    }
    List<String> options = new ArrayList<>();
    Set<String> distinct = new HashSet<>();
    for (String option : given) {
      if (option == null || option.isBlank()) {
        errors.add(new FieldError(at + ".options", "must not contain an empty option"));
        return List.of();
      }
      String label = option.strip();
      if (label.length() > MAX_OPTION_LENGTH || label.contains("\n") || label.contains("\r")) {
        errors.add(
            new FieldError(
                at + ".options",
                "each option must be one line of at most " + MAX_OPTION_LENGTH + " characters"));
        return List.of();
      }
      if (!distinct.add(label.toLowerCase(Locale.ROOT))) {
        errors.add(new FieldError(at + ".options", "option '" + label + "' is listed twice"));
        return List.of();
      }
      options.add(label);
    }
    if (options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
      errors.add(
          new FieldError(
              at + ".options",
              "a choice question needs " + MIN_OPTIONS + " to " + MAX_OPTIONS + " options"));
    }
    return options;
  }

  /** {@code csat_3}, or the next free number when that key exists now or existed before. */
  private static String newKey(
      QuestionType type, int index, Set<String> taken, Map<String, QuestionType> keysUsed) {
    String base = type == null ? "q" : type.name().toLowerCase(Locale.ROOT);
    int n = index + 1;
    while (taken.contains(base + "_" + n) || keysUsed.containsKey(base + "_" + n)) {
      n++;
    }
    return base + "_" + n;
  }

  private static void checkLength(List<FieldError> errors, String field, String value, int max) {
    if (value != null && value.strip().length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
