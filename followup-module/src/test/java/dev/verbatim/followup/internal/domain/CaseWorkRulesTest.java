package dev.verbatim.followup.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffUser;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Notes, reasons, who may reassign or reopen, and the root-cause taxonomy's rules. */
class CaseWorkRulesTest {

  private static FollowupCase caseOwnedBy(String ownerId) {
    return new FollowupCase(
        "c1",
        "r1",
        "s1",
        "k1",
        "why",
        "It is slow",
        3,
        new Assignment(ownerId, "team-1", Assignment.SURVEY_TEAM),
        SlaPolicy.DEFAULT,
        1_000L);
  }

  private static StaffUser user(String id, String... roles) {
    return new StaffUser(id, id, id + "@example.com", id, Set.of(roles), true);
  }

  private static String fieldOf(Throwable e) {
    return ((InvalidInputException) e).errors().stream().map(FieldError::field).findFirst().get();
  }

  @Test
  void aNoteKeepsItsStrippedTextAndIsNeverAnOutgoingMessage() {
    CaseMessage note = CaseMessage.note("m1", "c1", "u1", "  Called the customer back.  ", 5L);
    assertThat(note.body()).isEqualTo("Called the customer back.");
    assertThat(note.isNote()).isTrue();
    assertThat(note.direction()).isEqualTo(CaseMessage.NOTE);
    assertThat(note.messageId()).as("no mail was queued for it").isNull();
  }

  @Test
  void anEmptyOrOverlongNoteIsRejectedNamingTheText() {
    assertThatThrownBy(() -> CaseMessage.note("m1", "c1", "u1", "  ", 5L))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("text"));
    assertThatThrownBy(() -> CaseMessage.note("m1", "c1", "u1", "x".repeat(10_001), 5L))
        .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("text"));
  }

  @Test
  void aReassignmentNeedsAReasonButAReopeningDoesNot() {
    assertThatThrownBy(() -> Reason.required("reason", " "))
        .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("reason"));
    assertThat(Reason.required("reason", " On holiday ")).isEqualTo("On holiday");
    assertThat(Reason.optional("reason", "")).isNull();
    assertThatThrownBy(() -> Reason.optional("reason", "x".repeat(501)))
        .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("reason"));
  }

  @Test
  void theOwnerTheTeamLeadManagersAndAdminsMayRedirectACaseButNotOtherOwners() {
    FollowupCase c = caseOwnedBy("olivia");
    assertThat(CaseAuthority.mayRedirect(c, user("olivia", Roles.OWNER), null)).isTrue();
    assertThat(CaseAuthority.mayRedirect(c, user("lena", Roles.OWNER), "lena")).isTrue();
    assertThat(CaseAuthority.mayRedirect(c, user("maria", Roles.MANAGER), null)).isTrue();
    assertThat(CaseAuthority.mayRedirect(c, user("root", Roles.ADMIN), null)).isTrue();
    assertThat(CaseAuthority.mayRedirect(c, user("oscar", Roles.OWNER), "lena")).isFalse();
    assertThat(CaseAuthority.mayRedirect(c, user("oscar", Roles.OWNER), null)).isFalse();
  }

  @Test
  void aNewRootCauseIsActiveWithAnUpperCaseCode() {
    RootCause created = RootCause.create(" shipping_delay ", " Shipping delay ", 9);
    assertThat(created.code()).isEqualTo("SHIPPING_DELAY");
    assertThat(created.label()).isEqualTo("Shipping delay");
    assertThat(created.active()).isTrue();
    created.deactivate();
    assertThat(created.active()).isFalse();
    created.activate();
    assertThat(created.active()).isTrue();
  }

  @Test
  void aRootCauseWithABadCodeOrLabelIsRejectedNamingEachField() {
    assertThatThrownBy(() -> RootCause.create("9 lives!", "", 1))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).errors())
                    .extracting(FieldError::field)
                    .containsExactly("code", "label"));
    RootCause cause = RootCause.create("OTHER_THING", "Other thing", 1);
    assertThatThrownBy(() -> cause.rename("x".repeat(101)))
        .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("label"));
    cause.rename("Something else");
    assertThat(cause.label()).isEqualTo("Something else");
  }
}
