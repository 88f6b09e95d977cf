package dev.verbatim.survey.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactAttributesTest {

  @Test
  void valuesRoundTripVerbatimThroughTheStoredText() {
    Map<String, String> attributes =
        Map.of(
            "Region", "EMEA",
            "Account manager", "Manager 7, Sales",
            "Notes", "line one\nline two\r\nC:\\new\\n =x",
            "note", "a=b \"q\" é 😀",
            "empty", "");

    assertThat(ContactAttributes.parse(ContactAttributes.text(attributes))).isEqualTo(attributes);
  }

  @Test
  void theStoredTextHasOneLinePerAttributeInNameOrder() {
    assertThat(ContactAttributes.text(Map.of("Region", "EMEA", "Plan", "Team")))
        .isEqualTo("Plan=Team\nRegion=EMEA\n");
    assertThat(ContactAttributes.text(Map.of("Notes", "a\nb"))).isEqualTo("Notes=a\\nb\n");
    assertThat(ContactAttributes.text(Map.of())).isNull();
  }

  @Test
  void theSearchTextHoldsOnlyTheValuesInLowerCase() {
    assertThat(ContactAttributes.search(Map.of("Region", "EMEA", "Plan", "Team")))
        .isEqualTo("team\nemea\n");
  }

  @Test
  void rowsCarriedOverByTheMigrationKeepBackslashesAndLineBreaksAsTheyWere() {
    assertThat(ContactAttributes.parse("=\nmulti=line one\nline two\nnote=C:\\new\n"))
        .isEqualTo(Map.of("multi", "line one\nline two", "note", "C:\\new"));
  }

  @Test
  void aContactHoldsAtMostFiftyAttributesAndThirtyThousandCharacters() {
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < 50; i++) {
      attributes.put("a" + i, "v".repeat(500));
    }
    assertThat(ContactAttributes.fit(attributes)).isTrue();
    attributes.put("one more", "v");
    assertThat(ContactAttributes.fit(attributes)).isFalse();
    attributes.clear();
    for (int i = 0; i < 40; i++) {
      attributes.put("a" + i, "\n".repeat(500));
    }
    assertThat(ContactAttributes.fit(attributes)).as("40 x 1,000 escaped characters").isFalse();
  }
}
