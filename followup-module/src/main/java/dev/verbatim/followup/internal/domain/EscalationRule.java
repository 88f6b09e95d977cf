package dev.verbatim.followup.internal.domain;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * When an overdue case escalates. Level 1 (the team lead is told) as soon as an OPEN case is past
 * its due time; level 2 (the program managers are told) when it is still OPEN a second period
 * later. Without a configured second period, the case's own SLA duration is used again.
 *
 * @param sla the deadlines per priority
 * @param secondPeriod time from level 1 to level 2; null means "the SLA duration again"
 */
public record EscalationRule(SlaPolicy sla, Duration secondPeriod) {
  public static final int TEAM_LEAD = 1;
  public static final int MANAGERS = 2;

  /** The highest level the case should be at by {@code now} (0: not overdue). */
  public int levelDue(CaseStatus status, CasePriority priority, Long dueAt, long now) {
    if (status != CaseStatus.OPEN || dueAt == null || now <= dueAt) {
      return 0;
    }
    Duration second = secondPeriod != null ? secondPeriod : sla.duration(priority);
    return now > dueAt + second.toMillis() ? MANAGERS : TEAM_LEAD;
  }

  /**
   * The levels to escalate to now, lowest first: each level is reached once, so nobody is mailed
   * twice for the same level (a case the scheduler missed for a while gets both, in order).
   */
  public List<Integer> levelsToReach(FollowupCase c, long now) {
    int due = levelDue(c.status(), c.priority(), c.dueAt(), now);
    return IntStream.rangeClosed(c.escalationLevel() + 1, due).boxed().toList();
  }
}
