package it.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.ApiResponse;
import it.support.FallbackOwner;
import it.support.Names;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One focused test per failure {@link EndpointFuzzIT} found, so each stays fixed even when the
 * random inputs of a run do not happen to hit it again.
 */
class HostileFindingsIT {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static ApiClient admin;
  private static ApiClient manager;

  @BeforeAll
  static void staff() {
    admin = ApiClient.admin();
    StaffMember member = StaffMember.create(admin, "manager", "Finding Manager");
    manager = member.logIn();
    FallbackOwner.assign(manager, StaffMember.create(admin, "owner", "Finding Owner"));
  }

  /** Was "400 Malformed JSON": the list's record was not public, so JSON-B could not write it. */
  @Test
  void aSurveysDistributionsAreListedOnceItWasSent() {
    String surveyId = SurveyFixtures.publishedSurvey(manager, Names.unique("Listed distribution"));
    String contactId =
        SurveyFixtures.addContact(manager, Names.email("listed"), "Lena Listed", Map.of());
    String distributionId =
        SurveyFixtures.send(manager, surveyId, List.of(contactId)).getString("distributionId");

    List<JsonObject> listed =
        manager
            .get("/api/surveys/" + surveyId + "/distributions")
            .expectStatus(200)
            .jsonArray()
            .getValuesAs(JsonObject.class);

    assertThat(listed).extracting(d -> d.getString("id")).containsExactly(distributionId);
    assertThat(listed.get(0).getInt("invited") + listed.get(0).getInt("skipped")).isEqualTo(1);
  }

  /** Was Liberty's own 400 page with a Java stack trace (RequestUtils.verifyEncodedCharacter). */
  @Test
  void anApiAddressWithAnEncodedDotIsRefusedAsProblemJsonWithoutAStackTrace() {
    ApiResponse response = admin.get("/api/cases/%2e%2e");

    response.expectProblem(400);
    assertThat(response.body()).doesNotContain("RequestUtils", "java.io", "CWWWC");
  }

  @Test
  void aPageAddressWithAnEncodedDotShowsTheErrorPageWithoutAStackTrace() {
    ApiResponse response = admin.get("/app/cases/%2E%2E");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("text/html");
    assertThat(response.body())
        .contains("Bad request", "characters that are not allowed")
        .doesNotContain("RequestUtils", "java.io", "CWWWC");
  }

  /** Was a 500: RESTEasy failed parsing the q value while choosing the resource. */
  @Test
  void anAcceptHeaderWithANonNumericQualityIsRefusedNamingTheHeader() {
    ApiResponse response =
        manager.exchange("GET", "/api/surveys", Map.of("Accept", "*/*;q=abc"), null);

    response.expectProblem(400);
    assertThat(response.errorFields()).containsExactly("Accept");
  }

  /** Was a 500: the CSRF filter's URL decoding threw on the stray %. */
  @Test
  void aFormBodyWithAStrayPercentIsRefusedAsMalformed() {
    ApiResponse response =
        manager.exchange(
            "POST",
            "/app/settings/sending",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            "throttleDays=30&%zz=%&_csrf=x".getBytes(StandardCharsets.UTF_8));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("Malformed form");
  }

  /** Was a 500: UnsupportedEncodingException while reading the form. */
  @Test
  void aFormInACharsetTheServerDoesNotKnowIsRefused() {
    Matcher token = CSRF.matcher(manager.get("/app/surveys").expectStatus(200).body());
    assertThat(token.find()).isTrue();
    String title = Names.unique("Charset survey");

    ApiResponse response =
        manager.exchange(
            "POST",
            "/app/surveys",
            Map.of("Content-Type", "application/x-www-form-urlencoded; charset=x-no-such-charset"),
            ("_csrf=" + token.group(1) + "&title=" + title).getBytes(StandardCharsets.UTF_8));

    assertThat(response.status()).isEqualTo(400);
    assertThat(manager.get("/api/surveys").expectStatus(200).body()).doesNotContain(title);
  }

  /** Was a bare 403: Parsson throws a plain RuntimeException past 1,000 levels of nesting. */
  @Test
  void aLoginBodyNestedTooDeeplyIsRefusedAsMalformed() {
    String nested = "{\"username\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";

    ApiResponse response =
        ApiClient.anonymous()
            .exchange(
                "POST",
                "/api/session",
                Map.of("Content-Type", "application/json"),
                nested.getBytes(StandardCharsets.UTF_8));

    response.expectProblem(400);
    assertThat(response.body()).contains("Malformed login");
  }
}
