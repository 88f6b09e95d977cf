package it.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.ApiResponse;
import it.support.FallbackOwner;
import it.support.Mailbox;
import it.support.Names;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import it.support.SurveyFixtures.Invited;
import it.support.Teams;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation the server publishes in its OpenAPI document (the staff API, the staff pages and
 * the public token routes) called by every kind of person, against the table below. An operation
 * without a row fails the test, so a new endpoint cannot ship without a decision on who may call
 * it.
 *
 * <p>Team A: owner Olga (member) and lead Leo (an owner who leads A without being a member); team
 * B: owner Otto. One customer answered survey A (a case of team A, Olga's) and survey B (a case of
 * team B, Otto's). A case of another team answers 403, like any other refusal: case ids are random
 * UUIDs, so the difference to 404 reveals nothing a colleague could use, and the colleague learns
 * to ask the team instead of believing the case is gone.
 *
 * <p>Cells: {@code ok} the call passes authorization (any answer but 401, 403 or a redirect to the
 * login page, and never 5xx); {@code 403} refused; {@code 401} problem+json "log in" (API); {@code
 * login} redirect to the login page (pages). Changing calls are sent with an empty or incomplete
 * body, or at an id that does not exist, so that an allowed caller gets 400/404/409 and nothing
 * changes; only where the rule depends on the object (a case, an owner) is the real object used.
 */
class AuthorizationMatrixIT {
  enum Who {
    ANONYMOUS,
    OTHER_TEAMS_OWNER,
    OWNER,
    TEAM_LEAD,
    MANAGER,
    ADMIN
  }

  private static final String TABLE =
      """
      # operation                                       anonymous other-team owner lead manager admin
      # (logged in, POST /login and POST /api/session answer who you are; a logout without the
      #  session's CSRF token is refused, also for a visitor whose session holds only a login form)
      GET    /                                            ok     ok    ok    ok    ok    ok
      GET    /login                                       ok     ok    ok    ok    ok    ok
      POST   /login                                       401    ok    ok    ok    ok    ok
      POST   /logout                                      403    ok    ok    ok    ok    ok
      GET    /static/{name}                               ok     ok    ok    ok    ok    ok
      GET    /api/ping                                    ok     ok    ok    ok    ok    ok
      POST   /api/session                                 401    ok    ok    ok    ok    ok
      GET    /api/session                                 401    ok    ok    ok    ok    ok
      DELETE /api/session                                 401    ok    ok    ok    ok    ok
      # customers: the token is the credential
      GET    /s/{token}                                   ok     ok    ok    ok    ok    ok
      POST   /s/{token}                                   ok     ok    ok    ok    ok    ok
      GET    /s/{token}/answer/{score}                    ok     ok    ok    ok    ok    ok
      GET    /u/{token}                                   ok     ok    ok    ok    ok    ok
      POST   /u/{token}                                   ok     ok    ok    ok    ok    ok
      GET    /api/respond/{token}                         ok     ok    ok    ok    ok    ok
      POST   /api/respond/{token}                         ok     ok    ok    ok    ok    ok
      # staff home, users, mail catcher
      GET    /app                                         login  ok    ok    ok    ok    ok
      GET    /app/users                                   login  403   403   403   403   ok
      POST   /app/users                                   login  403   403   403   403   ok
      GET    /app/mailbox                                 login  403   403   403   403   ok
      GET    /app/mailbox/{id}                            login  403   403   403   403   ok
      GET    /api/users                                   401    403   403   403   ok    ok
      POST   /api/users                                   401    403   403   403   403   ok
      # a case of team A (Olga's): its owner, its lead, managers and admins
      GET    /api/cases                                   401    ok    ok    ok    ok    ok
      GET    /api/cases/root-causes                       401    ok    ok    ok    ok    ok
      GET    /api/cases/{id}                              401    403   ok    ok    ok    ok
      POST   /api/cases/{id}/replies                      401    403   ok    ok    ok    ok
      POST   /api/cases/{id}/notes                        401    403   ok    ok    ok    ok
      POST   /api/cases/{id}/close                        401    403   ok    ok    ok    ok
      POST   /api/cases/{id}/reassign                     401    403   ok    ok    ok    ok
      POST   /api/cases/{id}/reopen                       401    403   ok    ok    ok    ok
      GET    /app/cases                                   login  ok    ok    ok    ok    ok
      GET    /app/cases/{id}                              login  403   ok    ok    ok    ok
      POST   /app/cases/{id}/reply                        login  403   ok    ok    ok    ok
      POST   /app/cases/{id}/notes                        login  403   ok    ok    ok    ok
      POST   /app/cases/{id}/close                        login  403   ok    ok    ok    ok
      POST   /app/cases/{id}/reassign                     login  403   ok    ok    ok    ok
      POST   /app/cases/{id}/reopen                       login  403   ok    ok    ok    ok
      # owners' status: owners may mark only themselves away (the path names Olga)
      GET    /api/followup/owners                         401    403   403   403   ok    ok
      PUT    /api/followup/owners/{username}/away         401    403   ok    403   ok    ok
      # reply templates: everyone reads, managers write
      GET    /api/followup/reply-templates                401    ok    ok    ok    ok    ok
      GET    /api/followup/reply-templates/{id}           401    ok    ok    ok    ok    ok
      POST   /api/followup/reply-templates                401    403   403   403   ok    ok
      PUT    /api/followup/reply-templates/{id}           401    403   403   403   ok    ok
      DELETE /api/followup/reply-templates/{id}           401    403   403   403   ok    ok
      # follow-up setup: managers and admins
      GET    /api/followup/teams                          401    403   403   403   ok    ok
      POST   /api/followup/teams                          401    403   403   403   ok    ok
      PUT    /api/followup/teams/{teamId}                 401    403   403   403   ok    ok
      PUT    /api/followup/surveys/{surveyId}/routing     401    403   403   403   ok    ok
      GET    /api/followup/settings                       401    403   403   403   ok    ok
      PUT    /api/followup/settings                       401    403   403   403   ok    ok
      GET    /api/followup/root-causes                    401    403   403   403   ok    ok
      POST   /api/followup/root-causes                    401    403   403   403   ok    ok
      PUT    /api/followup/root-causes/{code}             401    403   403   403   ok    ok
      POST   /api/followup/root-causes/{code}/deactivate  401    403   403   403   ok    ok
      POST   /api/followup/root-causes/{code}/activate    401    403   403   403   ok    ok
      GET    /api/followup/rules                          401    403   403   403   ok    ok
      POST   /api/followup/rules                          401    403   403   403   ok    ok
      PUT    /api/followup/rules/{id}                     401    403   403   403   ok    ok
      DELETE /api/followup/rules/{id}                     401    403   403   403   ok    ok
      PUT    /api/followup/rules/order                    401    403   403   403   ok    ok
      POST   /api/followup/rules/{id}/move                401    403   403   403   ok    ok
      POST   /api/followup/rules/dry-run                  401    403   403   403   ok    ok
      GET    /api/followup/triage                         401    403   403   403   ok    ok
      POST   /api/followup/triage/{id}/attach             401    403   403   403   ok    ok
      POST   /api/followup/triage/{id}/dismiss            401    403   403   403   ok    ok
      GET    /app/triage                                  login  403   403   403   ok    ok
      POST   /app/triage/{id}/attach                      login  403   403   403   ok    ok
      POST   /app/triage/{id}/dismiss                     login  403   403   403   ok    ok
      GET    /app/routing                                 login  403   403   403   ok    ok
      POST   /app/routing/fallback                        login  403   403   403   ok    ok
      POST   /app/routing/teams                           login  403   403   403   ok    ok
      POST   /app/routing/teams/{teamId}                  login  403   403   403   ok    ok
      POST   /app/routing/surveys/{surveyId}              login  403   403   403   ok    ok
      POST   /app/routing/owners/{username}/away          login  403   403   403   ok    ok
      POST   /app/routing/rules                           login  403   403   403   ok    ok
      POST   /app/routing/rules/{id}/move                 login  403   403   403   ok    ok
      POST   /app/routing/rules/{id}/delete               login  403   403   403   ok    ok
      POST   /app/routing/dry-run                         login  403   403   403   ok    ok
      GET    /app/root-causes                             login  403   403   403   ok    ok
      POST   /app/root-causes                             login  403   403   403   ok    ok
      POST   /app/root-causes/{code}/rename               login  403   403   403   ok    ok
      POST   /app/root-causes/{code}/deactivate           login  403   403   403   ok    ok
      POST   /app/root-causes/{code}/activate             login  403   403   403   ok    ok
      # surveys, contacts, distributions, sending: managers and admins
      GET    /api/surveys                                 401    403   403   403   ok    ok
      POST   /api/surveys                                 401    403   403   403   ok    ok
      GET    /api/surveys/{id}                            401    403   403   403   ok    ok
      PUT    /api/surveys/{id}                            401    403   403   403   ok    ok
      POST   /api/surveys/{id}/publish                    401    403   403   403   ok    ok
      POST   /api/surveys/{id}/close                      401    403   403   403   ok    ok
      GET    /api/surveys/{surveyId}/distributions        401    403   403   403   ok    ok
      POST   /api/surveys/{surveyId}/distributions        401    403   403   403   ok    ok
      GET    /api/distributions/{id}                      401    403   403   403   ok    ok
      GET    /api/contacts                                401    403   403   403   ok    ok
      POST   /api/contacts                                401    403   403   403   ok    ok
      POST   /api/contacts/bulk                           401    403   403   403   ok    ok
      GET    /api/contacts/export                         401    403   403   403   ok    ok
      POST   /api/contacts/imports                        401    403   403   403   ok    ok
      GET    /api/contacts/imports/{id}                   401    403   403   403   ok    ok
      GET    /api/settings/sending                        401    403   403   403   ok    ok
      PUT    /api/settings/sending                        401    403   403   403   ok    ok
      GET    /app/surveys                                 login  403   403   403   ok    ok
      POST   /app/surveys                                 login  403   403   403   ok    ok
      GET    /app/surveys/{id}                            login  403   403   403   ok    ok
      GET    /app/surveys/{id}/preview                    login  403   403   403   ok    ok
      POST   /app/surveys/{id}/settings                   login  403   403   403   ok    ok
      POST   /app/surveys/{id}/questions                  login  403   403   403   ok    ok
      POST   /app/surveys/{id}/questions/{key}            login  403   403   403   ok    ok
      POST   /app/surveys/{id}/publish                    login  403   403   403   ok    ok
      POST   /app/surveys/{id}/close                      login  403   403   403   ok    ok
      POST   /app/surveys/{id}/send                       login  403   403   403   ok    ok
      GET    /app/surveys/{surveyId}/distributions        login  403   403   403   ok    ok
      POST   /app/surveys/{surveyId}/distributions        login  403   403   403   ok    ok
      GET    /app/distributions/{id}                      login  403   403   403   ok    ok
      GET    /app/contacts                                login  403   403   403   ok    ok
      POST   /app/contacts                                login  403   403   403   ok    ok
      POST   /app/contacts/import                         login  403   403   403   ok    ok
      GET    /app/contacts/imports/{id}                   login  403   403   403   ok    ok
      GET    /app/contacts/export                         login  403   403   403   ok    ok
      GET    /app/settings/sending                        login  403   403   403   ok    ok
      POST   /app/settings/sending                        login  403   403   403   ok    ok
      # reports, verbatims (the customers' words of every team), exports: managers and admins
      GET    /api/reports/headline                        401    403   403   403   ok    ok
      GET    /api/reports/trend                           401    403   403   403   ok    ok
      GET    /api/reports/segments                        401    403   403   403   ok    ok
      GET    /api/reports/owners                          401    403   403   403   ok    ok
      GET    /api/reports/teams                           401    403   403   403   ok    ok
      GET    /api/reports/surveys/{id}                    401    403   403   403   ok    ok
      GET    /api/reports/headline.csv                    401    403   403   403   ok    ok
      GET    /api/reports/trend.csv                       401    403   403   403   ok    ok
      GET    /api/reports/segments.csv                    401    403   403   403   ok    ok
      GET    /api/reports/owners.csv                      401    403   403   403   ok    ok
      GET    /api/reports/teams.csv                       401    403   403   403   ok    ok
      GET    /api/reports/responses.csv                   401    403   403   403   ok    ok
      GET    /api/reports/cases.csv                       401    403   403   403   ok    ok
      POST   /api/reports/digest                          401    403   403   403   ok    ok
      POST   /api/reports/recompute                       401    403   403   403   403   ok
      GET    /api/reports/verbatims                       401    403   403   403   ok    ok
      GET    /api/reports/verbatims/csv                   401    403   403   403   ok    ok
      POST   /api/reports/verbatims/{caseId}/reveal       401    403   403   403   ok    ok
      GET    /api/reports/verbatims/reveals               401    403   403   403   403   ok
      GET    /api/reports/themes                          401    403   403   403   ok    ok
      GET    /api/reports/themes/csv                      401    403   403   403   ok    ok
      GET    /api/reports/root-causes                     401    403   403   403   ok    ok
      GET    /api/reports/root-causes/csv                 401    403   403   403   ok    ok
      GET    /app/reports                                 login  403   403   403   ok    ok
      GET    /app/reports/surveys/{id}                    login  403   403   403   ok    ok
      POST   /app/reports/digest                          login  403   403   403   ok    ok
      POST   /app/reports/recompute                       login  403   403   403   403   ok
      GET    /app/reports/verbatims                       login  403   403   403   ok    ok
      POST   /app/reports/verbatims/{caseId}/reveal       login  403   403   403   ok    ok
      GET    /app/reports/root-causes                     login  403   403   403   ok    ok
      GET    /app/reports/themes                          login  403   403   403   ok    ok
      # the perception gap: everyone predicts, managers open rounds and read results (a round's
      # page shows the result to managers and admins only)
      GET    /api/reports/predictions                     401    ok    ok    ok    ok    ok
      POST   /api/reports/predictions                     401    403   403   403   ok    ok
      GET    /api/reports/predictions/{id}                401    403   403   403   ok    ok
      PUT    /api/reports/predictions/{id}/mine           401    ok    ok    ok    ok    ok
      GET    /app/reports/predictions                     login  ok    ok    ok    ok    ok
      POST   /app/reports/predictions                     login  403   403   403   ok    ok
      GET    /app/reports/predictions/{id}                login  ok    ok    ok    ok    ok
      POST   /app/reports/predictions/{id}/mine           login  ok    ok    ok    ok    ok
      """;

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

  private static Mailbox mailbox;
  private static final Map<Who, StaffMember> staff = new EnumMap<>(Who.class);
  private static final Map<Who, ApiClient> clients = new EnumMap<>(Who.class);
  private static final Map<Who, String> csrf = new EnumMap<>(Who.class);
  private static ApiClient manager;
  private static String surveyA;
  private static String caseA;
  private static String caseB;
  private static String commentA;
  private static String teamA;
  private static Invited customer;

  @BeforeAll
  static void twoTeamsAndACustomerWithACaseInEach() {
    mailbox = Mailbox.start();
    ApiClient admin = ApiClient.admin();
    staff.put(Who.MANAGER, StaffMember.create(admin, "manager", "Mia Matrix"));
    staff.put(Who.ADMIN, StaffMember.create(admin, "admin", "Ada Matrix"));
    staff.put(Who.OWNER, StaffMember.create(admin, "owner", "Olga Matrix"));
    staff.put(Who.TEAM_LEAD, StaffMember.create(admin, "owner", "Leo Matrix"));
    staff.put(Who.OTHER_TEAMS_OWNER, StaffMember.create(admin, "owner", "Otto Matrix"));
    manager = staff.get(Who.MANAGER).logIn();
    FallbackOwner.assign(manager, staff.get(Who.OWNER));
    teamA = Teams.create(manager, "Matrix A", staff.get(Who.OWNER));
    manager
        .putJson(
            "/api/followup/teams/" + teamA, Map.of("lead", staff.get(Who.TEAM_LEAD).username()))
        .expectStatus(200);
    String teamB = Teams.create(manager, "Matrix B", staff.get(Who.OTHER_TEAMS_OWNER));

    surveyA = surveyRoutedTo(teamA, Names.unique("Matrix survey A"));
    String surveyB = surveyRoutedTo(teamB, Names.unique("Matrix survey B"));
    customer =
        SurveyFixtures.inviteNewContacts(manager, mailbox, surveyA, title(surveyA), "Mat Rix")
            .get(0);
    sendDespiteThrottling(surveyB, customer.contactId());
    Invited again =
        new Invited(
            customer.contactId(),
            customer.email(),
            customer.name(),
            mailbox.awaitMail(customer.email(), title(surveyB)).surveyLinkInText());
    commentA = "Secret of team A " + Names.suffix();
    SurveyFixtures.answerByApi(customer, 1, commentA);
    SurveyFixtures.answerByApi(again, 4, "Team B may read this " + Names.suffix());
    caseA = SurveyFixtures.caseOf(manager, surveyA, customer).getString("id");
    caseB = SurveyFixtures.caseOf(manager, surveyB, again).getString("id");

    for (Who who : Who.values()) {
      logIn(who);
    }
  }

  @AfterAll
  static void stopMailbox() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  @Test
  void everyPublishedOperationHasARowAndEveryRowAnOperation() {
    assertThat(OpenApi.operations())
        .as("operations in GET /openapi; add a row to the table for each new one")
        .containsExactlyInAnyOrderElementsOf(expectations().keySet());
  }

  @Test
  void everyoneGetsExactlyTheAccessTheTableGives() {
    Map<String, List<String>> table = expectations();
    Map<String, List<String>> contentTypes = OpenApi.requestContentTypes();
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    for (Map.Entry<String, List<String>> row : table.entrySet()) {
      String[] operation = row.getKey().split(" ", 2);
      for (Who who : Who.values()) {
        String expected = row.getValue().get(who.ordinal());
        ApiResponse answer = call(who, operation[0], operation[1], contentTypes.get(row.getKey()));
        cells++;
        String seen = verdict(answer);
        if (!seen.equals(expected)) {
          wrong.add(
              String.format(
                  "%-50s %-17s expected %-5s got %s %s",
                  row.getKey(),
                  who,
                  expected,
                  answer.status(),
                  answer.body().length() > 160 ? answer.body().substring(0, 160) : answer.body()));
        }
      }
    }
    System.out.printf(
        "Authorization matrix: %d operations x %d kinds of caller = %d cells checked%n",
        table.size(), Who.values().length, cells);
    assertThat(wrong).as("cells that differ from the table").isEmpty();
  }

  @Test
  void anOwnerOfAnotherTeamNeverReadsTheCaseThroughAnyRoute() {
    ApiClient otto = clients.get(Who.OTHER_TEAMS_OWNER);
    List<String> routes =
        new ArrayList<>(
            List.of(
                "/api/cases?size=200",
                "/api/cases?scope=all&size=200",
                "/api/cases?scope=team&size=200",
                "/api/cases?scope=mine&size=200",
                "/api/cases?survey=" + surveyA,
                "/api/cases?survey=" + surveyA + "&status=OPEN&sort=newest",
                "/app/cases",
                "/app/cases?scope=all",
                "/app/cases?scope=team",
                "/app/cases?survey=" + surveyA,
                "/api/cases/" + caseB,
                "/app/cases/" + caseB,
                "/api/cases/" + caseA,
                "/app/cases/" + caseA,
                "/api/reports/verbatims",
                "/api/reports/verbatims/csv",
                "/api/reports/cases.csv",
                "/api/reports/responses.csv",
                "/app/reports/verbatims",
                "/app/reports/themes",
                "/app/reports/predictions",
                "/api/reports/predictions",
                "/app"));
    for (String route : routes) {
      ApiResponse answer = otto.get(route);
      assertThat(answer.status()).as("GET %s", route).isLessThan(500);
      assertThat(answer.body())
          .as("GET %s as the owner of another team", route)
          .doesNotContain(commentA)
          .doesNotContain(caseA);
    }
    ApiResponse reveal = otto.postJson("/api/reports/verbatims/" + caseA + "/reveal", Map.of());
    assertThat(reveal.status()).isEqualTo(403);
    assertThat(reveal.body()).doesNotContain(commentA);
  }

  @Test
  void theCasesOwnerLeadAndManagersDoReadIt() {
    for (Who who : List.of(Who.OWNER, Who.TEAM_LEAD, Who.MANAGER, Who.ADMIN)) {
      assertThat(clients.get(who).get("/api/cases/" + caseA).expectStatus(200).body())
          .as("%s reads the case", who)
          .contains(commentA);
      assertThat(clients.get(who).get("/app/cases/" + caseA).expectStatus(200).body())
          .contains(commentA);
    }
    assertThat(clients.get(Who.TEAM_LEAD).get("/api/cases?scope=team&size=200").body())
        .contains(caseA);
  }

  // ---- one cell

  private static ApiResponse call(Who who, String method, String template, List<String> types) {
    ApiClient client = clients.get(who);
    String path = fill(method, template);
    String type = types == null || types.isEmpty() ? null : types.get(0);
    ApiResponse answer;
    if (method.equals("GET")) {
      answer = client.get(path);
    } else if (method.equals("DELETE")) {
      answer = client.delete(path);
    } else if (method.equals("PUT")) {
      answer = client.putJson(path, "{}");
    } else if (type != null && type.startsWith("multipart/")) {
      String boundary = "matrix" + Names.suffix();
      String query = csrf.containsKey(who) ? "?_csrf=" + csrf.get(who) : "";
      answer =
          client.postRaw(
              path + query,
              "multipart/form-data; boundary=" + boundary,
              "--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"nothing\"\r\n\r\n\r\n--"
                  + boundary
                  + "--\r\n");
    } else if (type != null && type.startsWith("application/x-www-form-urlencoded")
        || path.startsWith("/app/")
        || path.equals("/logout")
        || path.startsWith("/s/")
        || path.startsWith("/u/")
        || path.equals("/login")) {
      answer =
          client.postForm(path, csrf.containsKey(who) ? Map.of("_csrf", csrf.get(who)) : Map.of());
    } else {
      answer = client.postJson(path, "{}");
    }
    if (path.equals("/logout") || (method.equals("DELETE") && path.equals("/api/session"))) {
      logIn(who);
    }
    return answer;
  }

  private static String verdict(ApiResponse answer) {
    if (answer.status() >= 500) {
      return "5xx";
    }
    if (answer.status() == 401) {
      return "401";
    }
    if (answer.status() == 403) {
      return "403";
    }
    if ((answer.status() == 302 || answer.status() == 303)
        && answer.location() != null
        && answer.location().contains("/login?")) {
      return "login";
    }
    return "ok";
  }

  /** Real objects where the rule depends on them; elsewhere ids that do not exist. */
  private static String fill(String method, String template) {
    boolean reading = method.equals("GET");
    Matcher m = PARAM.matcher(template);
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      String value =
          switch (m.group(1)) {
            case "id" ->
                template.startsWith("/api/cases/") || template.startsWith("/app/cases/")
                    ? caseA
                    : reading && template.contains("surveys/")
                        ? surveyA
                        : UUID.randomUUID().toString();
            case "caseId" -> caseA;
            case "surveyId" -> reading ? surveyA : UUID.randomUUID().toString();
            case "teamId" -> UUID.randomUUID().toString();
            case "username" -> staff.get(Who.OWNER).username();
            case "token" -> "NoSuchTokenNoSuchTokenNoSuchTokenNoSuchTok";
            case "score" -> "7";
            case "name" -> "verbatim.css";
            case "code" -> "NO_SUCH_" + Names.suffix().toUpperCase();
            case "key" -> "no_such_question";
            default -> throw new AssertionError("no value for path parameter " + m.group());
          };
      m.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    m.appendTail(path);
    return path.toString();
  }

  // ---- arrangement

  private static void logIn(Who who) {
    if (who == Who.ANONYMOUS) {
      clients.put(who, ApiClient.anonymous());
      return;
    }
    ApiClient client = staff.get(who).logIn();
    clients.put(who, client);
    Matcher token = CSRF.matcher(client.get("/app").expectStatus(200).body());
    assertThat(token.find()).as("a CSRF token on /app for %s", who).isTrue();
    csrf.put(who, token.group(1));
  }

  private static Map<String, List<String>> expectations() {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : TABLE.strip().split("\n")) {
      String row = line.strip();
      if (row.isEmpty() || row.startsWith("#")) {
        continue;
      }
      String[] cells = row.split("\\s+");
      assertThat(cells).as("row %s", row).hasSize(2 + Who.values().length);
      rows.put(cells[0] + " " + cells[1], List.of(cells).subList(2, cells.length));
    }
    return rows;
  }

  private static String surveyRoutedTo(String teamId, String title) {
    String id = SurveyFixtures.createNpsAndComment(manager, title).getString("id");
    manager
        .putJson("/api/followup/surveys/" + id + "/routing", Map.of("defaultTeamId", teamId))
        .expectStatus(200);
    SurveyFixtures.publish(manager, id);
    return id;
  }

  /**
   * The same customer asked twice in a row: throttling off for this one send (as DistributionIT).
   */
  private static void sendDespiteThrottling(String surveyId, String contactId) {
    int throttleDays =
        manager.get("/api/settings/sending").expectStatus(200).json().getInt("throttleDays");
    manager.putJson("/api/settings/sending", Map.of("throttleDays", 0)).expectStatus(200);
    try {
      SurveyFixtures.send(manager, surveyId, List.of(contactId));
    } finally {
      manager
          .putJson("/api/settings/sending", Map.of("throttleDays", throttleDays))
          .expectStatus(200);
    }
  }

  private static String title(String surveyId) {
    return manager.get("/api/surveys/" + surveyId).expectStatus(200).json().getString("title");
  }

  /** The operations and request body types in the server's own OpenAPI document. */
  static final class OpenApi {
    private static JsonObject document;

    static synchronized JsonObject document() {
      if (document == null) {
        document =
            ApiClient.anonymous()
                .get("/openapi?format=JSON")
                .expectStatus(200)
                .json()
                .getJsonObject("paths");
      }
      return document;
    }

    static TreeSet<String> operations() {
      TreeSet<String> operations = new TreeSet<>();
      document()
          .forEach(
              (path, item) ->
                  item.asJsonObject().keySet().stream()
                      .filter(k -> List.of("get", "post", "put", "delete", "patch").contains(k))
                      .forEach(k -> operations.add(k.toUpperCase() + " " + path)));
      return operations;
    }

    static Map<String, List<String>> requestContentTypes() {
      Map<String, List<String>> types = new LinkedHashMap<>();
      document()
          .forEach(
              (path, item) ->
                  item.asJsonObject()
                      .forEach(
                          (method, operation) -> {
                            if (operation.getValueType() != JsonValue.ValueType.OBJECT) {
                              return;
                            }
                            JsonObject body = operation.asJsonObject().getJsonObject("requestBody");
                            if (body != null && body.containsKey("content")) {
                              types.put(
                                  method.toUpperCase() + " " + path,
                                  body.getJsonObject("content").keySet().stream()
                                      .collect(Collectors.toList()));
                            }
                          }));
      return types;
    }
  }
}
