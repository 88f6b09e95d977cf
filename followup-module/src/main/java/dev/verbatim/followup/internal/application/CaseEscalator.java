package dev.verbatim.followup.internal.application;

import dev.verbatim.followup.internal.domain.CaseEvent;
import dev.verbatim.followup.internal.domain.EscalationRule;
import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.followup.internal.domain.Team;
import dev.verbatim.followup.internal.domain.Waited;
import dev.verbatim.followup.internal.infrastructure.EscalationMail;
import dev.verbatim.followup.internal.infrastructure.SlaSettings;
import dev.verbatim.followup.internal.persistence.CaseRepository;
import dev.verbatim.followup.internal.persistence.TeamRepository;
import dev.verbatim.platform.api.Outbox;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Escalates one case: raises its level, emails who must know, records it in the audit trail. The
 * case row is locked, so two servers (or the schedule and a manual run) never mail a level twice.
 */
@ApplicationScoped
public class CaseEscalator {
  @Inject CaseRepository cases;
  @Inject TeamRepository teams;

  @Inject SlaSettings sla;
  @Inject StaffDirectory staff;
  @Inject Outbox outbox;
  @Inject EscalationMail mail;
  @Inject CaseAudit audit;

  /**
   * @return how many levels the case went up (0 when it was replied or escalated meanwhile)
   */
  @Transactional
  public int escalate(String caseId, long now) {
    FollowupCase c = cases.findForUpdate(caseId);
    if (c == null) {
      return 0;
    }
    List<Integer> levels = sla.escalation().levelsToReach(c, now);
    for (int level : levels) {
      c.markEscalated(level, now);
      List<StaffUser> recipients = recipients(c, level);
      StaffUser owner = staff.findById(c.ownerId()).orElse(null);
      for (StaffUser recipient : recipients) {
        outbox.enqueue(mail.compose(c, level, recipient, owner, now));
      }
      audit.recordAt(
          caseId,
          null,
          CaseEvent.ESCALATED,
          "Level "
              + level
              + ": overdue by "
              + Waited.human(now - c.dueAt())
              + "; emailed "
              + (recipients.isEmpty()
                  ? "nobody (no active team lead, manager or admin)"
                  : recipients.stream().map(StaffUser::username).collect(Collectors.joining(", "))),
          now);
    }
    return levels.size();
  }

  /**
   * Level 1 goes to the case's team lead; a case without a team or lead goes straight to the
   * program managers. Level 2 goes to all active managers. Without any manager, the admins.
   */
  private List<StaffUser> recipients(FollowupCase c, int level) {
    if (level == EscalationRule.TEAM_LEAD) {
      Optional<StaffUser> lead =
          Optional.ofNullable(c.teamId())
              .map(teams::find)
              .map(Team::leadUserId)
              .flatMap(staff::findById)
              .filter(StaffUser::active);
      if (lead.isPresent()) {
        return List.of(lead.get());
      }
    }
    List<StaffUser> managers = staff.withRole(Roles.MANAGER);
    return managers.isEmpty() ? staff.withRole(Roles.ADMIN) : managers;
  }
}
