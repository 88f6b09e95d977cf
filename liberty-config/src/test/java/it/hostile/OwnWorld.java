package it.hostile;

import it.support.ApiClient;
import it.support.FallbackOwner;
import it.support.Mailbox;
import it.support.Names;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import it.support.SurveyFixtures.Invited;
import it.support.Teams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data a hostile-input test may touch: its own staff, team, surveys, contacts, invitations and
 * a case, all with unique names. Path parameters that name "a real one" are filled from here, never
 * from what other test classes created.
 */
public final class OwnWorld {
  public final ApiClient admin;
  public final StaffMember managerMember;
  public final ApiClient manager;
  public final StaffMember owner;
  public final ApiClient ownerClient;
  public final String teamId;
  public final String publishedSurveyId;
  public final String publishedTitle;
  public final String draftSurveyId;
  public final Invited answered;
  public final Invited unanswered;
  public final String caseId;
  public final String distributionId;

  private OwnWorld(Mailbox mailbox) {
    admin = ApiClient.admin();
    managerMember = StaffMember.create(admin, "manager", "Hostile Manager " + Names.suffix());
    manager = managerMember.logIn();
    owner = StaffMember.create(admin, "owner", "Hostile Owner " + Names.suffix());
    ownerClient = owner.logIn();
    FallbackOwner.assign(manager, owner);
    teamId = Teams.create(manager, "Hostile team", owner);
    publishedTitle = Names.unique("Hostile input survey");
    publishedSurveyId = SurveyFixtures.publishedSurvey(manager, publishedTitle);
    manager
        .putJson(
            "/api/followup/surveys/" + publishedSurveyId + "/routing",
            Map.of("defaultTeamId", teamId))
        .expectStatus(200);
    draftSurveyId =
        SurveyFixtures.createNpsAndComment(manager, Names.unique("Hostile draft")).getString("id");
    Map<String, String> people = new java.util.LinkedHashMap<>();
    people.put(Names.email("anna.answered"), "Anna Answered");
    people.put(Names.email("una.unanswered"), "Una Unanswered");
    List<String> contactIds = new java.util.ArrayList<>();
    people.forEach(
        (email, name) ->
            contactIds.add(
                SurveyFixtures.addContact(manager, email, name, Map.of("region", "EMEA"))));
    distributionId =
        SurveyFixtures.send(manager, publishedSurveyId, contactIds).getString("distributionId");
    List<Invited> invited = new java.util.ArrayList<>();
    int i = 0;
    for (Map.Entry<String, String> person : people.entrySet()) {
      String link = mailbox.awaitMail(person.getKey(), publishedTitle).surveyLinkInText();
      invited.add(new Invited(contactIds.get(i++), person.getKey(), person.getValue(), link));
    }
    answered = invited.get(0);
    unanswered = invited.get(1);
    SurveyFixtures.answerByApi(answered, 3, "Hostile world comment " + Names.suffix());
    caseId = SurveyFixtures.caseOf(ownerClient, publishedSurveyId, answered).getString("id");
  }

  public static OwnWorld create(Mailbox mailbox) {
    return new OwnWorld(mailbox);
  }

  /** A real value of this test's own for a path parameter, by its name (null: none). */
  public String realValue(String parameter, String pathTemplate) {
    Map<String, String> byName = new HashMap<>();
    byName.put("surveyId", publishedSurveyId);
    byName.put("caseId", caseId);
    byName.put("teamId", teamId);
    byName.put("username", owner.username());
    byName.put("token", unanswered.token());
    byName.put("key", SurveyFixtures.COMMENT_KEY);
    byName.put("score", "7");
    if (parameter.equals("id")) {
      if (pathTemplate.contains("/surveys")) {
        return pathTemplate.contains("publish") || pathTemplate.contains("close")
            ? draftSurveyId
            : publishedSurveyId;
      }
      if (pathTemplate.contains("/cases") || pathTemplate.contains("verbatims")) {
        return caseId;
      }
      if (pathTemplate.contains("/distributions")) {
        return distributionId;
      }
      return null;
    }
    return byName.get(parameter);
  }

  /** Ids this test owns: a form action naming any other id is pointed at an unknown one instead. */
  public Set<String> ownIds() {
    return List.of(
            publishedSurveyId,
            draftSurveyId,
            caseId,
            teamId,
            distributionId,
            answered.contactId(),
            unanswered.contactId(),
            managerMember.id(),
            owner.id())
        .stream()
        .collect(Collectors.toSet());
  }
}
