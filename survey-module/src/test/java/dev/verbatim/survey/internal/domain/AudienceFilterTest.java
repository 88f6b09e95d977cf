package dev.verbatim.survey.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.platform.api.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AudienceFilterTest {
  private static final Map<String, String> NORTH_GOLD = Map.of("region", "North", "plan", "gold");
  private static final Map<String, String> WEST_SILVER = Map.of("region", "west", "plan", "silver");
  private static final Map<String, String> SOUTH_GOLD = Map.of("region", "south", "plan", "GOLD");

  @Test
  void inAndEqualsJoinedByAndMatchOnlyContactsMeetingEveryCondition() {
    AudienceFilter filter = AudienceFilter.parse("region in (north, west) AND plan = gold");
    assertThat(filter.matches(NORTH_GOLD)).isTrue();
    assertThat(filter.matches(WEST_SILVER)).isFalse();
    assertThat(filter.matches(SOUTH_GOLD)).isFalse();
  }

  @Test
  void namesValuesAndKeywordsIgnoreCaseAndValuesMayBeQuoted() {
    AudienceFilter filter = AudienceFilter.parse("REGION IN ('North', \"West\") and Plan = 'GOLD'");
    assertThat(filter.matches(NORTH_GOLD)).isTrue();
  }

  @Test
  void negativeConditionsMatchContactsWithoutTheAttribute() {
    AudienceFilter filter = AudienceFilter.parse("plan != gold AND region not in (south)");
    assertThat(filter.matches(WEST_SILVER)).isTrue();
    assertThat(filter.matches(Map.of())).isTrue();
    assertThat(filter.matches(NORTH_GOLD)).isFalse();
    assertThat(AudienceFilter.parse("plan = gold").matches(Map.of())).isFalse();
  }

  @Test
  void blankMeansEveryone() {
    assertThat(AudienceFilter.parse("  ").isEveryone()).isTrue();
    assertThat(AudienceFilter.parse(null).matches(Map.of())).isTrue();
  }

  @Test
  void unreadableConditionsAreRefusedNamingTheAudienceField() {
    for (String bad : new String[] {"region", "region in north, west", "plan =", "region in ()"}) {
      assertThatThrownBy(() -> AudienceFilter.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.errors().get(0).field()).isEqualTo("audience"));
    }
  }
}
