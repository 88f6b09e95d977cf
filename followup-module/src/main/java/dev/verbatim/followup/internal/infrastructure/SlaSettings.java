package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.followup.internal.domain.EscalationRule;
import dev.verbatim.followup.internal.domain.SlaPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deadlines and escalation from MicroProfile Config (environment variables {@code VERBATIM_SLA_*},
 * {@code VERBATIM_ESCALATION_*}). A value that makes no sense stops the start-up with a message
 * naming the setting (checked at start-up by {@link EscalationScheduler}), rather than silently
 * giving every case a wrong deadline.
 */
@ApplicationScoped
public class SlaSettings {
  @Inject
  @ConfigProperty(name = "verbatim.sla.high-hours", defaultValue = "24")
  int highHours;

  @Inject
  @ConfigProperty(name = "verbatim.sla.normal-hours", defaultValue = "72")
  int normalHours;

  @Inject
  @ConfigProperty(name = "verbatim.sla.high-at-or-below-score", defaultValue = "6")
  int highAtOrBelowScore;

  /** Time from the first escalation to the second; empty: the case's SLA duration again. */
  @Inject
  @ConfigProperty(name = "verbatim.escalation.second-period-hours")
  Optional<Integer> secondPeriodHours;

  private SlaPolicy policy;
  private EscalationRule escalation;

  @PostConstruct
  void build() {
    requirePositive("verbatim.sla.high-hours", highHours);
    requirePositive("verbatim.sla.normal-hours", normalHours);
    if (highAtOrBelowScore < -1 || highAtOrBelowScore > 10) {
      throw new IllegalStateException(
          "verbatim.sla.high-at-or-below-score must be between -1 (no case is high) and 10, was "
              + highAtOrBelowScore);
    }
    secondPeriodHours.ifPresent(h -> requirePositive("verbatim.escalation.second-period-hours", h));
    policy =
        new SlaPolicy(
            highAtOrBelowScore, Duration.ofHours(highHours), Duration.ofHours(normalHours));
    escalation = new EscalationRule(policy, secondPeriodHours.map(Duration::ofHours).orElse(null));
  }

  /** Priority from the score and the deadline per priority, for opening and reopening cases. */
  public SlaPolicy policy() {
    return policy;
  }

  public EscalationRule escalation() {
    return escalation;
  }

  private static void requirePositive(String name, int hours) {
    if (hours <= 0) {
      throw new IllegalStateException(name + " must be a positive number of hours, was " + hours);
    }
  }
}
