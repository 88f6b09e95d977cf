package it.support;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Arranging surveys, contacts and invitations through the API, with the checks every arrangement
 * needs.
 */
public final class SurveyFixtures {
  /** Question keys a survey gets when the author gives none: type name and position. */
  public static final String NPS_KEY = "nps_1";

  public static final String COMMENT_KEY = "text_2";
  public static final String NPS_PROMPT = "How likely are you to recommend us to a friend?";
  public static final String COMMENT_PROMPT = "What is the main reason for your score?";

  private SurveyFixtures() {}

  /** A contact who was sent a personal link, as read from their invitation email. */
  public record Invited(String contactId, String email, String name, String link) {
    public String token() {
      return link.substring(link.lastIndexOf('/') + 1);
    }

    /** The path of the customer's survey page, {@code /s/<token>}. */
    public String page() {
      return "/s/" + token();
    }
  }

  /** {@code POST /api/surveys} with an NPS question and an optional comment; asserts 201. */
  public static JsonObject createNpsAndComment(ApiClient manager, String title) {
    return manager
        .postJson(
            "/api/surveys",
            Map.of(
                "title",
                title,
                "intro",
                "Two quick questions about your last order.",
                "questions",
                List.of(
                    Map.of("type", "NPS", "prompt", NPS_PROMPT),
                    Map.of("type", "TEXT", "prompt", COMMENT_PROMPT))))
        .expectStatus(201)
        .json();
  }

  public static JsonObject publish(ApiClient manager, String surveyId) {
    return manager
        .postJson("/api/surveys/" + surveyId + "/publish", Map.of())
        .expectStatus(200)
        .json();
  }

  /** A published NPS + comment survey; the fallback owner must already be set. */
  public static String publishedSurvey(ApiClient manager, String title) {
    String id = createNpsAndComment(manager, title).getString("id");
    publish(manager, id);
    return id;
  }

  /** {@code POST /api/contacts}; asserts 201 (a new contact) and returns its id. */
  public static String addContact(
      ApiClient manager, String email, String name, Map<String, String> attributes) {
    return manager
        .postJson("/api/contacts", Map.of("email", email, "name", name, "attributes", attributes))
        .expectStatus(201)
        .json()
        .getString("id");
  }

  /** {@code POST /api/surveys/{id}/distributions} to exactly these contacts; asserts 201. */
  public static JsonObject send(ApiClient manager, String surveyId, List<String> contactIds) {
    return manager
        .postJson("/api/surveys/" + surveyId + "/distributions", Map.of("contactIds", contactIds))
        .expectStatus(201)
        .json();
  }

  /**
   * Adds one new contact per name, sends the survey to them, and reads each personal link from the
   * invitation email (subject = survey title).
   */
  public static List<Invited> inviteNewContacts(
      ApiClient manager, Mailbox mailbox, String surveyId, String title, String... names) {
    Map<String, String> idsByEmail = new LinkedHashMap<>();
    Map<String, String> namesByEmail = new LinkedHashMap<>();
    for (String name : names) {
      String email = Names.email(name.toLowerCase().replaceAll("[^a-z]+", "."));
      idsByEmail.put(email, addContact(manager, email, name, Map.of("region", "EMEA")));
      namesByEmail.put(email, name);
    }
    send(manager, surveyId, new ArrayList<>(idsByEmail.values()));
    List<Invited> invited = new ArrayList<>();
    idsByEmail.forEach(
        (email, id) ->
            invited.add(
                new Invited(
                    id,
                    email,
                    namesByEmail.get(email),
                    mailbox.awaitMail(email, title).surveyLinkInText())));
    return invited;
  }

  /** Answers through the respondent API ({@code POST /api/respond/{token}}); asserts 201. */
  public static void answerByApi(Invited customer, int score, String comment) {
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put(NPS_KEY, score);
    if (comment != null) {
      answers.put(COMMENT_KEY, comment);
    }
    ApiClient.anonymous()
        .postJson("/api/respond/" + customer.token(), Map.of("answers", answers))
        .expectStatus(201);
  }

  /** The cases of one survey that {@code staff} can see ({@code GET /api/cases}), newest first. */
  public static List<JsonObject> casesOfSurvey(ApiClient staff, String surveyId, String status) {
    String query = status == null ? "" : "&status=" + status;
    return staff
        .get("/api/cases?size=200" + query)
        .expectStatus(200)
        .jsonArray()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(c -> c.getString("surveyId").equals(surveyId))
        .toList();
  }

  /** The one case opened for this customer's comment. */
  public static JsonObject caseOf(ApiClient staff, String surveyId, Invited customer) {
    List<JsonObject> found =
        casesOfSurvey(staff, surveyId, null).stream()
            .filter(
                c ->
                    customer
                        .email()
                        .equalsIgnoreCase(c.getJsonObject("customer").getString("email")))
            .toList();
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one case for "
              + customer.email()
              + " in survey "
              + surveyId
              + ", found "
              + found);
    }
    return found.get(0);
  }
}
