package dev.verbatim.followup.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseVisibilityTest {
  private static FollowupCase caseOf(String ownerId, String teamId) {
    return new FollowupCase(
        "c1",
        "r1",
        "s1",
        "k1",
        "why",
        "text",
        5,
        new Assignment(
            ownerId, teamId, teamId == null ? Assignment.FALLBACK : Assignment.SURVEY_TEAM),
        SlaPolicy.DEFAULT,
        0L);
  }

  @Test
  void anOwnerSeesTheirOwnCase() {
    assertThat(new CaseVisibility("olivia", false, Set.of()).canSee(caseOf("olivia", null)))
        .isTrue();
  }

  @Test
  void anOwnerSeesACaseOfTheirTeamOwnedBySomeoneElse() {
    assertThat(new CaseVisibility("olivia", false, Set.of("red")).canSee(caseOf("oscar", "red")))
        .isTrue();
  }

  @Test
  void anOwnerDoesNotSeeAnotherTeamsCase() {
    assertThat(new CaseVisibility("olivia", false, Set.of("red")).canSee(caseOf("omar", "blue")))
        .isFalse();
  }

  @Test
  void anOwnerDoesNotSeeSomeoneElsesCaseWithoutATeam() {
    assertThat(new CaseVisibility("olivia", false, Set.of("red")).canSee(caseOf("omar", null)))
        .isFalse();
  }

  @Test
  void managersAndAdminsSeeEveryCase() {
    assertThat(new CaseVisibility("maria", true, Set.of()).canSee(caseOf("omar", "blue"))).isTrue();
  }
}
