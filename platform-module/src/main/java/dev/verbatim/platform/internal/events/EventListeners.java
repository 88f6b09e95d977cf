package dev.verbatim.platform.internal.events;

import dev.verbatim.platform.api.ModuleEventListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The application's {@link ModuleEventListener} beans, and which of them take each event type. */
@ApplicationScoped
public class EventListeners {
  static final int MAX_NAME_LENGTH = 60;

  @Inject @Any Instance<ModuleEventListener> beans;

  private volatile Registry registry;

  record Registry(List<ModuleEventListener> all, Map<String, List<String>> byType) {}

  public List<ModuleEventListener> all() {
    return registry().all();
  }

  /** The names of the listeners that take this type, each once. */
  public List<String> takers(String type) {
    return registry().byType().getOrDefault(type, List.of());
  }

  private Registry registry() {
    Registry found = registry;
    if (found == null) {
      List<ModuleEventListener> all = new ArrayList<>();
      beans.forEach(all::add);
      found = index(all);
      registry = found;
    }
    return found;
  }

  static Registry index(List<ModuleEventListener> all) {
    Set<String> names = new HashSet<>();
    Map<String, List<String>> byType = new HashMap<>();
    for (ModuleEventListener listener : all) {
      String name = listener.name();
      if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
        throw new IllegalStateException(
            "A module-event listener needs a name of 1 to " + MAX_NAME_LENGTH + " characters");
      }
      if (!names.add(name)) {
        throw new IllegalStateException("Two module-event listeners are named " + name);
      }
      for (String type : listener.types()) {
        byType.computeIfAbsent(type, t -> new ArrayList<>()).add(name);
      }
    }
    byType.replaceAll((type, takers) -> List.copyOf(takers));
    return new Registry(List.copyOf(all), Map.copyOf(byType));
  }
}
