package it.reporting.words;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.FallbackOwner;
import it.support.Mailbox;
import it.support.Names;
import it.support.ReportsCaughtUp;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import it.support.SurveyFixtures.Invited;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A comment's terms are written several to an INSERT statement: a comment with more terms than one
 * statement holds is searchable by every one of them, the last included.
 */
class LongCommentTermsIT {
  private static final String LONG_COMMENT =
      "Parcel arrived broken, courier ignored instructions, tracking showed nonsense, support"
          + " chat disconnected twice, refund promised never appeared, invoice listed wrong"
          + " address, replacement shipped without batteries, manual missing pages, warranty card"
          + " unreadable, packaging smelled strange, finally zebra.";

  @Test
  void everyTermOfALongCommentFindsItsVerbatim() {
    try (Mailbox mailbox = Mailbox.start()) {
      ApiClient admin = ApiClient.admin();
      ApiClient manager = StaffMember.create(admin, "manager", "Mia Terms").logIn();
      FallbackOwner.assign(manager, StaffMember.create(admin, "owner", "Olaf Terms"));
      String title = Names.unique("Long comment survey");
      String surveyId = SurveyFixtures.createNpsAndComment(manager, title).getString("id");
      SurveyFixtures.publish(manager, surveyId);
      List<Invited> invited =
          SurveyFixtures.inviteNewContacts(manager, mailbox, surveyId, title, "Lou Long");
      SurveyFixtures.answerByApi(invited.get(0), 3, LONG_COMMENT);
      ReportsCaughtUp.await();

      for (String word : List.of("parcel", "warranty", "zebra")) {
        JsonObject found =
            manager
                .get("/api/reports/verbatims?survey=" + surveyId + "&q=" + word)
                .expectStatus(200)
                .json();
        assertThat(found.getInt("total")).as("search for %s", word).isEqualTo(1);
      }
    }
  }
}
