package dev.verbatim.survey.internal.application.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.survey.internal.application.imports.ContactChanges.Changed;
import dev.verbatim.survey.internal.application.imports.ContactChanges.NewContact;
import dev.verbatim.survey.internal.application.imports.ContactChanges.Stored;
import dev.verbatim.survey.internal.application.imports.ContactChanges.TooMany;
import dev.verbatim.survey.internal.domain.ContactInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactChangesTest {
  private static Map<String, String> attributes(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  void aNewEmailBecomesAContactWithItsAttributes() {
    ContactChanges changes =
        ContactChanges.of(
            List.of(new ContactInput(" Ann@Example.com ", " Ann ", attributes("Region", "EMEA"))),
            Map.of(),
            () -> "id-1");

    assertThat(changes.newContacts())
        .containsExactly(
            new NewContact(
                "id-1", "Ann@Example.com", "ann@example.com", "Ann", Map.of("Region", "EMEA")));
    assertThat(changes.created()).isEqualTo(1);
    assertThat(changes.updated()).isZero();
  }

  @Test
  void anExistingEmailInAnotherCaseIsUpdatedKeepingAttributesTheFileDoesNotMention() {
    Stored stored = new Stored("c-1", "Old Name", attributes("Tier", "gold", "Region", "APAC"));
    ContactChanges changes =
        ContactChanges.of(
            List.of(
                new ContactInput(
                    "ANN@example.com", "New Name", attributes("Region", "EMEA", "Plan", "Team"))),
            Map.of("ann@example.com", stored),
            () -> {
              throw new AssertionError("an existing contact needs no new id");
            });

    assertThat(changes.newContacts()).isEmpty();
    assertThat(changes.changed())
        .containsExactly(
            new Changed(
                "c-1", "New Name", attributes("Plan", "Team", "Region", "EMEA", "Tier", "gold")));
    assertThat(changes.created()).isZero();
    assertThat(changes.updated()).isEqualTo(1);
  }

  @Test
  void reImportingUnchangedDetailsWritesNothingButCountsTheContactAsUpdated() {
    Stored stored = new Stored("c-1", "Ann", attributes("Region", "EMEA"));
    ContactChanges changes =
        ContactChanges.of(
            List.of(new ContactInput("ann@example.com", "Ann", attributes("Region", "EMEA"))),
            Map.of("ann@example.com", stored),
            () -> "unused");

    assertThat(changes.newContacts()).isEmpty();
    assertThat(changes.changed()).isEmpty();
    assertThat(changes.updated()).isEqualTo(1);
  }

  @Test
  void aBlankNameInTheFileKeepsTheStoredName() {
    Stored stored = new Stored("c-1", "Ann", Map.of());
    ContactChanges changes =
        ContactChanges.of(
            List.of(new ContactInput("ann@example.com", "  ", Map.of())),
            Map.of("ann@example.com", stored),
            () -> "unused");

    assertThat(changes.changed()).isEmpty();
    assertThat(changes.updated()).isEqualTo(1);
  }

  @Test
  void anUpdateThatWouldGiveAContactMoreThanFiftyAttributesLeavesItAsItWas() {
    Map<String, String> fifty = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      fifty.put("a" + i, "v");
    }
    Stored stored = new Stored("c-1", "Ann", fifty);
    ContactChanges changes =
        ContactChanges.of(
            List.of(new ContactInput("ann@example.com", "Ann B", attributes("Extra", "x"))),
            Map.of("ann@example.com", stored),
            () -> "unused");

    assertThat(changes.tooMany()).containsExactly(new TooMany("ann@example.com", 51));
    assertThat(changes.changed()).isEmpty();
    assertThat(changes.updated()).isZero();
  }
}
