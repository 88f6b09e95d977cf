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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every state-changing form of the staff pages carries the session's CSRF token, and the server
 * refuses (403, nothing changed) the same post without it or with another one. Found by crawling
 * the pages each role can reach from /app; the JSON API refuses what another site's page can send.
 */
class CsrfIT {
  private static final int MAX_PAGES_PER_ROLE = 120;
  private static final Pattern LINK = Pattern.compile("href=\"(/app[^\"#]*)\"");
  private static final Pattern FORM =
      Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"", Pattern.DOTALL);
  private static final Pattern FIELD =
      Pattern.compile("<(input|textarea|select)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

  private static Mailbox mailbox;
  private static final Map<String, ApiClient> roles = new LinkedHashMap<>();
  private static String caseId;

  record Form(String page, String action, String enctype, Map<String, String> fields) {}

  @BeforeAll
  static void staffWithACase() {
    mailbox = Mailbox.start();
    ApiClient admin = ApiClient.admin();
    StaffMember managerMember = StaffMember.create(admin, "manager", "Cleo Csrf");
    StaffMember owner = StaffMember.create(admin, "owner", "Omar Csrf");
    ApiClient manager = managerMember.logIn();
    FallbackOwner.assign(manager, owner);
    String team = Teams.create(manager, "Csrf team", owner);
    String title = Names.unique("Csrf survey");
    String survey = SurveyFixtures.createNpsAndComment(manager, title).getString("id");
    manager
        .putJson("/api/followup/surveys/" + survey + "/routing", Map.of("defaultTeamId", team))
        .expectStatus(200);
    SurveyFixtures.publish(manager, survey);
    Invited customer =
        SurveyFixtures.inviteNewContacts(manager, mailbox, survey, title, "Cy Surf").get(0);
    SurveyFixtures.answerByApi(customer, 3, "Forms must be safe " + Names.suffix());
    caseId = SurveyFixtures.caseOf(manager, survey, customer).getString("id");
    roles.put("admin", admin);
    roles.put("manager", manager);
    roles.put("owner", owner.logIn());
  }

  @AfterAll
  static void stopMailbox() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  @Test
  void everyPostFormOfEveryReachablePageCarriesTheTokenAndIsRefusedWithoutIt() {
    int forms = 0;
    Set<String> actions = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, ApiClient> role : roles.entrySet()) {
      ApiClient client = role.getValue();
      for (Form form : crawl(client)) {
        forms++;
        actions.add(form.action().replaceAll("\\?.*", ""));
        boolean multipart = form.enctype().startsWith("multipart/");
        String token = multipart ? query(form.action(), "_csrf") : form.fields().get("_csrf");
        if (token == null || token.isBlank()) {
          problems.add(
              role.getKey() + ": form without _csrf on " + form.page() + " -> " + form.action());
          continue;
        }
        if (multipart || form.action().equals("/logout")) {
          continue; // uploads: below; logout: its own test
        }
        Map<String, String> without = new LinkedHashMap<>(form.fields());
        without.remove("_csrf");
        ApiResponse missing = client.postForm(form.action(), without);
        without.put("_csrf", token.substring(1) + "x");
        ApiResponse wrong = client.postForm(form.action(), without);
        if (missing.status() != 403 || wrong.status() != 403) {
          problems.add(
              role.getKey()
                  + ": "
                  + form.action()
                  + " answered "
                  + missing.status()
                  + " without and "
                  + wrong.status()
                  + " with a wrong token");
        }
      }
    }
    System.out.printf(
        "CSRF: %d post forms (%d distinct actions) checked on the pages of %s%n",
        forms, actions.size(), roles.keySet());
    assertThat(problems).isEmpty();
    assertThat(actions)
        .as("the crawl reached the case, survey and routing forms")
        .contains("/app/cases/" + caseId + "/notes", "/app/surveys", "/app/routing/rules");
  }

  @Test
  void aNoteWithoutTheTokenIsRefusedAndNotAdded() {
    ApiClient owner = roles.get("owner");
    String note = "Sneaky note " + Names.suffix();

    owner.postForm("/app/cases/" + caseId + "/notes", Map.of("text", note)).expectStatus(403);
    owner
        .postForm("/app/cases/" + caseId + "/notes", Map.of("text", note, "_csrf", "forged"))
        .expectStatus(403);

    assertThat(owner.get("/api/cases/" + caseId).expectStatus(200).body()).doesNotContain(note);
  }

  @Test
  void anUploadWithoutTheTokenIsRefused() {
    String boundary = "csrf" + Names.suffix();
    String email = Names.email("upload.csrf");
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\nemail,name\r\n"
            + email
            + ",Up Load\r\n--"
            + boundary
            + "--\r\n";
    ApiClient manager = roles.get("manager");

    manager
        .postRaw("/app/contacts/import", "multipart/form-data; boundary=" + boundary, body)
        .expectStatus(403);

    assertThat(manager.get("/api/contacts?q=" + email).body()).doesNotContain(email);
  }

  @Test
  void loggingOutNeedsTheTokenToo() {
    StaffMember someone = StaffMember.create(roles.get("admin"), "owner", "Lou Gout");
    ApiClient client = someone.logIn();
    client.get("/app").expectStatus(200);

    client.postForm("/logout", Map.of()).expectStatus(403);
    client.postForm("/logout", Map.of("_csrf", "forged")).expectStatus(403);
    client.get("/app").expectStatus(200);
  }

  @Test
  void theJsonApiRefusesWhatAnotherSitesFormCanSend() {
    ApiClient manager = roles.get("manager");
    String title = Names.unique("Cross-site survey");

    ApiResponse textPlain =
        manager.postRaw("/api/surveys", "text/plain", "{\"title\":\"" + title + "\"}");
    ApiResponse form = manager.postForm("/api/surveys", Map.of("title", title));

    assertThat(textPlain.status()).isEqualTo(415);
    assertThat(form.status()).isEqualTo(415);
    assertThat(manager.get("/api/surveys").expectStatus(200).body()).doesNotContain(title);
  }

  @Test
  void anotherSiteCannotLogSomeoneInWithATextPlainForm() {
    ApiResponse login =
        ApiClient.anonymous()
            .postRaw(
                "/api/session",
                "text/plain",
                "{\"username\":\"admin\",\"password\":\""
                    + it.support.ItEnvironment.adminPassword()
                    + "\"}");

    login.expectProblem(415);
    assertThat(login.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("verbatim_session="));
  }

  @Test
  void anApiChangeSentFromAnotherSitesPageIsRefused() {
    ApiClient manager = roles.get("manager");
    String email = Names.email("cross.site");

    ApiResponse crossSite =
        manager.postWithHeaders(
            "/api/contacts",
            "application/json",
            "{\"email\":\"" + email + "\",\"name\":\"X Site\"}",
            Map.of("Origin", "https://evil.example"));

    crossSite.expectProblem(403);
    assertThat(manager.get("/api/contacts?q=" + email).body()).doesNotContain(email);
    manager
        .postWithHeaders(
            "/api/contacts",
            "application/json",
            "{\"email\":\"" + email + "\",\"name\":\"Same Site\"}",
            Map.of("Origin", it.support.ItEnvironment.baseUrl()))
        .expectStatus(201);
  }

  // ---- crawling

  private static List<Form> crawl(ApiClient client) {
    Deque<String> queue = new ArrayDeque<>(List.of("/app", "/app/cases/" + caseId));
    Set<String> seen = new LinkedHashSet<>(queue);
    Map<String, Integer> perShape = new LinkedHashMap<>();
    List<Form> forms = new ArrayList<>();
    int pages = 0;
    while (!queue.isEmpty() && pages < MAX_PAGES_PER_ROLE) {
      String page = queue.poll();
      ApiResponse answer = client.get(page);
      pages++;
      if (answer.status() != 200 || !answer.contentType().startsWith("text/html")) {
        continue;
      }
      String html = answer.body();
      Matcher link = LINK.matcher(html);
      while (link.find()) {
        String target = link.group(1).replace("&amp;", "&");
        // two pages of each shape (/app/surveys/{id}) are enough to see its forms
        String shape = target.replaceAll("\\?.*", "").replaceAll("/[0-9a-f-]{36}", "/{id}");
        if (!target.contains("export")
            && !target.contains(".csv")
            && perShape.merge(shape, 1, Integer::sum) <= 2
            && seen.add(target)) {
          queue.add(target);
        }
      }
      Matcher form = FORM.matcher(html);
      while (form.find()) {
        Map<String, String> attributes = attributes(form.group(1));
        if (!"post".equalsIgnoreCase(attributes.getOrDefault("method", "get"))) {
          continue;
        }
        forms.add(
            new Form(
                page,
                attributes.getOrDefault("action", page).replace("&amp;", "&"),
                attributes.getOrDefault("enctype", "application/x-www-form-urlencoded"),
                fields(form.group(2))));
      }
    }
    return forms;
  }

  private static Map<String, String> fields(String formBody) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher field = FIELD.matcher(formBody);
    while (field.find()) {
      Map<String, String> attributes = attributes(field.group(2));
      String name = attributes.get("name");
      if (name != null && !"file".equals(attributes.get("type"))) {
        fields.putIfAbsent(name, attributes.getOrDefault("value", ""));
      }
    }
    return fields;
  }

  private static Map<String, String> attributes(String tag) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher m = ATTRIBUTE.matcher(tag);
    while (m.find()) {
      attributes.put(m.group(1).toLowerCase(), m.group(2));
    }
    return attributes;
  }

  private static String query(String action, String name) {
    Matcher m = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(action);
    return m.find() ? m.group(1) : null;
  }
}
