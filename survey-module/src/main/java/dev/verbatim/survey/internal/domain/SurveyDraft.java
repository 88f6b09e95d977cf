package dev.verbatim.survey.internal.domain;

import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.survey.api.QuestionType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A survey as submitted by its author, validated as a whole: every problem is reported at once,
 * named the way the JSON names it ({@code questions[1].prompt}).
 */
public record SurveyDraft(
    String title, String intro, String thankYou, List<QuestionDraft> questions) {
  static final int MAX_QUESTIONS = 30;
  private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,59}$");

  public record QuestionDraft(String key, String type, String prompt, Boolean required) {}

  public Survey toSurvey(long now) {
    List<FieldError> errors = new ArrayList<>();
    if (title == null || title.isBlank()) {
      errors.add(new FieldError("title", "must not be empty"));
    } else if (title.strip().length() > 200) {
      errors.add(new FieldError("title", "must be at most 200 characters"));
    }
    checkLength(errors, "intro", intro, 1000);
    checkLength(errors, "thankYou", thankYou, 1000);
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
      String key =
          q.key() == null || q.key().isBlank() ? defaultKey(type.orElse(null), i) : q.key().strip();
      if (!KEY.matcher(key).matches()) {
        errors.add(
            new FieldError(at + ".key", "must start with a letter and use only a-z, 0-9 and _"));
      } else if (!keys.add(key)) {
        errors.add(new FieldError(at + ".key", "is used by another question"));
      }
      if (type.isPresent() && q.prompt() != null && !q.prompt().isBlank()) {
        boolean required = q.required() == null ? type.get().scored() : q.required();
        built.add(new Question(Ids.newId(), i, key, type.get(), q.prompt().strip(), required));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Survey(
        Ids.newId(), title.strip(), blankToNull(intro), blankToNull(thankYou), built, now);
  }

  private static String defaultKey(QuestionType type, int index) {
    return (type == null ? "q" : type.name().toLowerCase(Locale.ROOT)) + "_" + (index + 1);
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
