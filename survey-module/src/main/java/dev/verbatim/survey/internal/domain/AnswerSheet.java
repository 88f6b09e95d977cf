package dev.verbatim.survey.internal.domain;

import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.survey.api.QuestionType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Raw answers keyed by question key (as typed into the form or sent as JSON), checked against the
 * questions of one survey version. Scores must be on the question's scale; choices must be among
 * its options (several choices arrive joined by a line feed and are stored that way, in the
 * options' order); free text is kept as written, trimmed.
 */
public final class AnswerSheet {
  static final int MAX_TEXT = 5000;
  static final int MAX_SHORT_TEXT = 500;

  private AnswerSheet() {}

  /** Reads against the survey's live version. */
  public static List<Answer> read(Survey survey, Map<String, String> raw) {
    return read(survey.id(), survey.questions(), raw);
  }

  /**
   * Every required question answered, every answer valid.
   *
   * @throws InvalidInputException naming {@code answers.<key>} for each missing or wrong answer
   */
  public static List<Answer> read(
      String surveyId, List<Question> questions, Map<String, String> raw) {
    List<FieldError> errors = new ArrayList<>();
    List<Answer> answers = readInto(surveyId, questions, raw, errors, true);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return answers;
  }

  /** The valid answers given so far, for finishing later: nothing is required, wrong ones drop. */
  public static List<Answer> readGiven(
      String surveyId, List<Question> questions, Map<String, String> raw) {
    return readInto(surveyId, questions, raw, new ArrayList<>(), false);
  }

  private static List<Answer> readInto(
      String surveyId,
      List<Question> questions,
      Map<String, String> raw,
      List<FieldError> errors,
      boolean requireAnswers) {
    List<Answer> answers = new ArrayList<>();
    for (Question question : questions) {
      String field = "answers." + question.key();
      String value = raw.get(question.key());
      if (value == null || value.isBlank()) {
        if (requireAnswers && question.required()) {
          errors.add(new FieldError(field, "Please answer this question."));
        }
        continue;
      }
      String problem;
      if (question.type().scored()) {
        Integer score = parseScore(value.strip());
        problem = scoreProblem(question, score);
        if (problem == null) {
          answers.add(new Answer(Ids.newId(), surveyId, question, score, null));
        }
      } else if (question.type().choice()) {
        Set<String> chosen = new LinkedHashSet<>();
        value.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(chosen::add);
        problem = choiceProblem(question, chosen);
        if (problem == null) {
          List<String> inOrder = question.options().stream().filter(chosen::contains).toList();
          answers.add(
              new Answer(Ids.newId(), surveyId, question, null, String.join("\n", inOrder)));
        }
      } else {
        int max = question.type() == QuestionType.SHORT_TEXT ? MAX_SHORT_TEXT : MAX_TEXT;
        problem =
            value.length() > max
                ? "Please keep this under "
                    + max
                    + " characters (you wrote "
                    + value.length()
                    + ")."
                : null;
        if (problem == null) {
          answers.add(new Answer(Ids.newId(), surveyId, question, null, value.strip()));
        }
      }
      if (problem != null) {
        errors.add(new FieldError(field, problem));
      }
    }
    return answers;
  }

  /** Why this score cannot be an answer to the question, or null when it can. */
  public static String scoreProblem(Question question, Integer score) {
    if (score == null || score < question.type().min() || score > question.type().max()) {
      return "Choose a number from " + question.type().min() + " to " + question.type().max() + ".";
    }
    return null;
  }

  private static String choiceProblem(Question question, Set<String> chosen) {
    for (String choice : chosen) {
      if (!question.options().contains(choice)) {
        return "'" + choice + "' is not one of the options.";
      }
    }
    if (question.type() == QuestionType.SINGLE_CHOICE && chosen.size() > 1) {
      return "Choose one option.";
    }
    return null;
  }

  private static Integer parseScore(String value) {
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
