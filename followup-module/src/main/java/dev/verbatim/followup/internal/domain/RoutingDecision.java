package dev.verbatim.followup.internal.domain;

import java.util.List;
import java.util.Optional;

/** Who gets the comment (empty only when nobody can), and every step that was considered. */
public record RoutingDecision(Optional<Assignment> assignment, List<RoutingStep> steps) {
  public RoutingDecision {
    steps = List.copyOf(steps);
  }
}
