package it.events;

import dev.verbatim.platform.api.ModuleEvent;
import dev.verbatim.platform.api.ModuleEventListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Test-only listeners of the module-event log, present in the Arquillian deployment only. Both take
 * {@link #TYPE}; "flaky" throws while told to.
 */
public final class RecordingListeners {
  static final String TYPE = "test.ping";

  /** A test event: which run it belongs to and its place in that run. */
  public record Ping(String run, int n) {}

  private RecordingListeners() {}

  public abstract static class Recording implements ModuleEventListener {
    private final List<Ping> applied = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Set<String> types() {
      return Set.of(TYPE);
    }

    @Override
    public void apply(List<ModuleEvent> events) {
      List<Ping> batch = new ArrayList<>();
      for (ModuleEvent event : events) {
        batch.add(event.read(Ping.class));
      }
      before(batch);
      applied.addAll(batch);
    }

    protected void before(List<Ping> batch) {}

    public List<Integer> applied(String run) {
      synchronized (applied) {
        return applied.stream().filter(p -> p.run().equals(run)).map(Ping::n).toList();
      }
    }
  }

  @ApplicationScoped
  public static class Steady extends Recording {
    @Override
    public String name() {
      return "test.steady";
    }
  }

  @ApplicationScoped
  public static class Flaky extends Recording {
    private volatile boolean failing;

    @Override
    public String name() {
      return "test.flaky";
    }

    public void failing(boolean now) {
      failing = now;
    }

    @Override
    protected void before(List<Ping> batch) {
      if (failing) {
        throw new IllegalStateException("flaky on purpose");
      }
    }
  }
}
