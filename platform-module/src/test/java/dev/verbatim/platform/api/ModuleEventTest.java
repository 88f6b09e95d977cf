package dev.verbatim.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleEventTest {
  public record Part(String key, Integer score) {}

  public record Fact(
      String id, Long maybe, List<Part> parts, Map<String, String> segments, Part before) {}

  @Test
  void aPublishedRecordReadsBackWithItsNullsAndNestedRecords() throws Exception {
    Fact fact =
        new Fact(
            "r1",
            null,
            List.of(new Part("nps", 9), new Part("why", null)),
            Map.of("plan", "pro"),
            null);
    String json;
    try (var jsonb = JsonbBuilder.create()) {
      json = jsonb.toJson(fact);
    }

    Fact read = event(json).read(Fact.class);

    assertThat(read).isEqualTo(fact);
  }

  @Test
  void aPayloadThatDoesNotFitSaysWhichEventAndType() {
    assertThatThrownBy(() -> event("[1, 2]").read(Fact.class))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageStartingWith("event 7 (test.fact) cannot be read as Fact")
        .satisfies(e -> assertThat(((UnreadableEventException) e).seq()).isEqualTo(7));
    assertThatThrownBy(() -> event("null").read(Fact.class))
        .isInstanceOf(UnreadableEventException.class);
  }

  private static ModuleEvent event(String payload) {
    return new ModuleEvent("e7", 7, "test.fact", "r1", payload, 0);
  }
}
