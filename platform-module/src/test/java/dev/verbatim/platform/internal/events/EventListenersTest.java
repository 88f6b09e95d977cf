package dev.verbatim.platform.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.platform.api.ModuleEvent;
import dev.verbatim.platform.api.ModuleEventListener;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventListenersTest {
  @Test
  void eachTypeGoesToTheListenersThatTakeIt() {
    var registry =
        EventListeners.index(List.of(listener("reports", "a", "b"), listener("hooks", "b")));

    assertThat(registry.byType().get("a")).containsExactly("reports");
    assertThat(registry.byType().get("b")).containsExactly("reports", "hooks");
    assertThat(registry.byType()).doesNotContainKey("c");
  }

  @Test
  void namesAreUniqueAndFitTheColumn() {
    assertThatThrownBy(() -> EventListeners.index(List.of(listener("x", "a"), listener("x", "b"))))
        .hasMessageContaining("Two module-event listeners are named x");
    assertThatThrownBy(() -> EventListeners.index(List.of(listener("n".repeat(61), "a"))))
        .hasMessageContaining("1 to 60 characters");
  }

  private static ModuleEventListener listener(String name, String... types) {
    return new ModuleEventListener() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Set<String> types() {
        return Set.of(types);
      }

      @Override
      public void apply(List<ModuleEvent> events) {}
    };
  }
}
