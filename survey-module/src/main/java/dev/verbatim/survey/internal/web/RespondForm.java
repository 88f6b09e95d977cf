package dev.verbatim.survey.internal.web;

import dev.verbatim.survey.api.QuestionType;
import dev.verbatim.survey.internal.domain.Question;
import dev.verbatim.survey.internal.domain.ScaleLabels;
import dev.verbatim.survey.internal.domain.SurveyVersion;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model of the customer's form ({@code survey/respond}), shared by the real page and the
 * designer's preview so the preview is exactly what customers see.
 */
final class RespondForm {
  static final String FIELD_PREFIX = "a_";

  private RespondForm() {}

  /** Form fields to raw answers by key; several checked boxes are joined by a line feed. */
  static Map<String, String> answers(MultivaluedMap<String, String> form) {
    Map<String, String> answers = new HashMap<>();
    form.forEach(
        (name, values) -> {
          if (name.startsWith(FIELD_PREFIX) && !values.isEmpty()) {
            answers.put(name.substring(FIELD_PREFIX.length()), String.join("\n", values));
          }
        });
    return answers;
  }

  static Map<String, Object> model(
      SurveyVersion version, String token, Map<String, String> values, Map<String, String> errors) {
    List<Map<String, Object>> questions = new ArrayList<>();
    for (Question q : version.questions()) {
      String value = values.getOrDefault(q.key(), "");
      Map<String, Object> model = new HashMap<>();
      model.put("key", q.key());
      model.put("field", FIELD_PREFIX + q.key());
      model.put("prompt", q.prompt());
      model.put("required", q.required());
      model.put("error", errors.get(q.key()));
      model.put("value", value);
      model.put("isLongText", q.type() == QuestionType.TEXT);
      model.put("isShortText", q.type() == QuestionType.SHORT_TEXT);
      model.put("isScale", q.type().scored());
      model.put("isChoice", q.type().choice());
      model.put("isMultiple", q.type() == QuestionType.MULTIPLE_CHOICE);
      if (q.type().scored()) {
        List<Map<String, Object>> options = new ArrayList<>();
        for (int n = q.type().min(); n <= q.type().max(); n++) {
          options.add(Map.of("n", n, "checked", String.valueOf(n).equals(value.strip())));
        }
        ScaleLabels labels = ScaleLabels.of(q.type());
        model.put("options", options);
        model.put("points", q.type().max() - q.type().min() + 1);
        model.put("min", q.type().min());
        model.put("max", q.type().max());
        model.put("lowLabel", labels.low());
        model.put("highLabel", labels.high());
      }
      if (q.type().choice()) {
        Set<String> chosen = Set.copyOf(value.lines().map(String::strip).toList());
        List<Map<String, Object>> choices = new ArrayList<>();
        int i = 0;
        for (String option : q.options()) {
          choices.add(
              Map.of(
                  "id",
                  FIELD_PREFIX + q.key() + "_" + i++,
                  "field",
                  FIELD_PREFIX + q.key(),
                  "label",
                  option,
                  "inputType",
                  q.type() == QuestionType.MULTIPLE_CHOICE ? "checkbox" : "radio",
                  "checked",
                  chosen.contains(option)));
        }
        model.put("choices", choices);
      }
      questions.add(model);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("surveyTitle", version.title());
    model.put("intro", version.intro());
    model.put("accent", version.accentColour());
    model.put("version", version.number());
    model.put("token", token);
    model.put("questions", questions);
    model.put("hasErrors", !errors.isEmpty());
    return model;
  }
}
