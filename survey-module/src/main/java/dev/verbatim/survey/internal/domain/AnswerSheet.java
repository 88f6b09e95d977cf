package dev.verbatim.survey.internal.domain;

import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Raw answers keyed by question key (as typed into the form or sent as JSON), checked against the
 * survey.
 */
public final class AnswerSheet {
  static final int MAX_TEXT = 5000;

  private AnswerSheet() {}

  /**
   * @throws InvalidInputException naming {@code answers.<key>} for each missing or wrong answer
   */
  public static List<Answer> read(Survey survey, Map<String, String> raw) {
    List<FieldError> errors = new ArrayList<>();
    List<Answer> answers = new ArrayList<>();
    for (Question question : survey.questions()) {
      String field = "answers." + question.key();
      String value = raw.get(question.key());
      boolean empty = value == null || value.isBlank();
      if (empty) {
        if (question.required()) {
          errors.add(new FieldError(field, "Please answer this question."));
        }
        continue;
      }
      if (question.type().scored()) {
        Integer score = parseScore(value.strip());
        if (score == null || score < question.type().min() || score > question.type().max()) {
          errors.add(
              new FieldError(
                  field,
                  "Choose a number from "
                      + question.type().min()
                      + " to "
                      + question.type().max()
                      + "."));
        } else {
          answers.add(new Answer(Ids.newId(), survey.id(), question, score, null));
        }
      } else if (value.length() > MAX_TEXT) {
        errors.add(
            new FieldError(
                field,
                "Please keep this under "
                    + MAX_TEXT
                    + " characters (you wrote "
                    + value.length()
                    + ")."));
      } else {
        answers.add(new Answer(Ids.newId(), survey.id(), question, null, value.strip()));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return answers;
  }

  private static Integer parseScore(String value) {
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
